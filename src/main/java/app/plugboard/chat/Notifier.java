package app.plugboard.chat;

import app.plugboard.common.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Tells a person something outside a conversation turn: the outcome of a sign-in that finished in
 * the browser, or a connection that stopped working. Each transport implements it.
 */
public interface Notifier {

    /**
     * @param replyKey the {@link Message#replyKey()} of the message this one answers: the transport
     *                 replaces that message while it can (Discord: for 15 minutes), otherwise, or
     *                 when null, the person gets a new direct message
     */
    void notify(UserId user, Message message, @Nullable String replyKey);

    /** How a direct message went. */
    enum Delivery {
        /** The person has it. */
        DELIVERED,
        /** The transport will not deliver it to this person (Discord: they accept no direct messages from the bot). */
        REFUSED,
        /** It could not be sent just now (no answer, a server error): it may be tried again later. */
        FAILED
    }

    /**
     * Sends {@code message} to the person as a direct message, waits for the answer and says how it went. The
     * same {@code onceKey} never shows twice (Discord: the message's nonce), so a notice sent again after a
     * crash, under its key, still reaches the person once.
     *
     * @param onceKey at most 25 characters, the same for every attempt at one notice
     */
    default Delivery send(UserId user, Message message, String onceKey) {
        notify(user, message, null);
        return Delivery.DELIVERED;
    }
}
