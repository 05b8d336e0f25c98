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
}
