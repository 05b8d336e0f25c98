package app.plugboard.chat;

import java.time.Duration;

/**
 * People's first answers go before background work. Discord allows three seconds for an interaction's first answer
 * (its acknowledgement); on a small machine, work that competes for the CPU (the watch's checks: TLS handshakes,
 * parsing calendars) can push a burst of acknowledgements past their usual time. Such work waits here before it
 * starts. Only the interactions received before it asked count: under steady traffic some are always waiting.
 */
public interface FirstAnswers {

    /** Nobody waits: the terminal answers one line at a time, and a Plugboard without Discord has no one to wait for. */
    FirstAnswers NONE = atMost -> {
    };

    /** Returns once the interactions received until now have had their first answer, or after {@code atMost}. */
    void awaitPending(Duration atMost);
}
