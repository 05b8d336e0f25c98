package app.plugboard.discord;

import java.time.Duration;

/** One interaction's clock, from its arrival: times its acknowledgement and its final answer for the {@link DiscordObserver}. */
final class AnswerTiming {

    private final DiscordObserver observer;
    private final String kind;
    private final long arrived = System.nanoTime();

    /** @param kind what the person did: {@code command}, {@code autocomplete}, {@code button}, {@code select}, {@code form} */
    AnswerTiming(DiscordObserver observer, String kind) {
        this.observer = observer;
        this.kind = kind;
    }

    /** @param what how it was acknowledged, as the router names it in the log ({@code defer edit} counts as {@code defer}) */
    void acknowledged(String what, boolean accepted) {
        observer.acknowledged(what.startsWith("defer") ? "defer" : what, accepted, sinceArrival());
    }

    void answered(boolean delivered) {
        observer.answered(kind, delivered, sinceArrival());
    }

    private Duration sinceArrival() {
        return Duration.ofNanos(System.nanoTime() - arrived);
    }
}
