package app.plugboard.discord;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a person something in Discord: by editing the ephemeral message under the reply key while
 * its interaction token lives, otherwise (or when the edit fails) in a direct message.
 */
class DiscordNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(DiscordNotifier.class);

    private final JDA jda;
    private final PendingReplies pending;
    private final DiscordObserver observer;

    DiscordNotifier(JDA jda, PendingReplies pending, DiscordObserver observer) {
        this.jda = jda;
        this.pending = pending;
        this.observer = observer;
    }

    @Override
    public void notify(UserId user, Message message, @Nullable String replyKey) {
        Optional<InteractionHook> hook = replyKey == null ? Optional.empty() : pending.take(replyKey, user);
        if (hook.isPresent()) {
            hook.get().editOriginal(JdaRendering.edit(message)).queue(null, failure -> {
                log.info("Could not edit the message of user {} any more ({}); sending a direct message", user, failure.toString());
                direct(user, message);
            });
        } else {
            direct(user, message);
        }
    }

    private void direct(UserId user, Message message) {
        jda.openPrivateChannelById(user.value())
                .flatMap(channel -> channel.sendMessage(JdaRendering.create(message)))
                .queue(sent -> observer.directMessage(DiscordObserver.DirectMessage.DELIVERED), failure -> {
                    observer.directMessage(refusal(failure) ? DiscordObserver.DirectMessage.REFUSED
                            : DiscordObserver.DirectMessage.FAILED);
                    log.warn("Could not send user {} a direct message: {}", user, failure.toString());
                });
    }

    /** Discord will not deliver to this person: they accept no direct messages from the bot, or are unknown. */
    static boolean refusal(Throwable failure) {
        return failure instanceof ErrorResponseException error && (error.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                || error.getErrorResponse() == ErrorResponse.UNKNOWN_USER);
    }
}
