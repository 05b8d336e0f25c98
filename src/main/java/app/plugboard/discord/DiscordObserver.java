package app.plugboard.discord;

import java.time.Duration;

/**
 * What the Discord edge tells about its own work: how soon interactions were acknowledged (Discord
 * allows three seconds) and answered, and how direct messages went. The port metrics implement, so
 * this package knows no meter.
 */
public interface DiscordObserver {

    /**
     * The first answer to an interaction, from its arrival to Discord's confirmation (or refusal).
     *
     * @param response how it was acknowledged: {@code reply}, {@code update}, {@code modal}, {@code autocomplete},
     *                 {@code progress} (a "Checking…" reply, the result edited in later) or {@code defer}
     * @param accepted whether Discord took it
     */
    void acknowledged(String response, boolean accepted, Duration took);

    /**
     * The final answer to an interaction (the acknowledgement itself, or the result edited in after it),
     * from its arrival to Discord's confirmation (or refusal).
     *
     * @param kind what the person did: {@code command}, {@code autocomplete}, {@code button}, {@code select}, {@code form}
     */
    void answered(String kind, boolean delivered, Duration took);

    /** How a direct message went. */
    enum DirectMessage {
        /** Discord took it. */
        DELIVERED,
        /** The person accepts no direct messages from the bot (or is unknown to Discord): it will not arrive. */
        REFUSED,
        /** It could not be sent just now (no answer, a server error). */
        FAILED
    }

    void directMessage(DirectMessage outcome);
}
