package app.plugboard.discord;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
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

    private final ShardManager shards;
    private final PendingReplies pending;
    private final DiscordObserver observer;

    DiscordNotifier(ShardManager shards, PendingReplies pending, DiscordObserver observer) {
        this.shards = shards;
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

    /** Waits at most this long for Discord to take a direct message (JDA retries server errors meanwhile). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);

    /**
     * A direct message under {@code onceKey} as its nonce, which Discord enforces: a second send with the same
     * nonce within a few minutes returns the first message instead of a new one. Error 50007 ("Cannot send
     * messages to this user") and an unknown user are refusals; anything else may pass.
     */
    @Override
    public Delivery send(UserId user, Message message, String onceKey) {
        Delivery delivery = deliver(user, message, onceKey);
        observer.directMessage(switch (delivery) {
            case DELIVERED -> DiscordObserver.DirectMessage.DELIVERED;
            case REFUSED -> DiscordObserver.DirectMessage.REFUSED;
            case FAILED -> DiscordObserver.DirectMessage.FAILED;
        });
        return delivery;
    }

    private Delivery deliver(UserId user, Message message, String onceKey) {
        try {
            rest().openPrivateChannelById(user.value())
                    .flatMap(channel -> channel.sendMessage(JdaRendering.create(message)).setNonce(onceKey))
                    .submit().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Delivery.DELIVERED;
        } catch (ExecutionException e) {
            if (refusal(e.getCause())) {
                log.info("User {} accepts no direct messages from the bot ({})", user,
                        ((ErrorResponseException) e.getCause()).getErrorResponse());
                return Delivery.REFUSED;
            }
            log.warn("Could not send user {} a direct message: {}", user, e.getCause() == null ? e : e.getCause().toString());
            return Delivery.FAILED;
        } catch (TimeoutException e) {
            log.warn("Discord did not take a direct message to user {} within {}", user, SEND_TIMEOUT);
            return Delivery.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.FAILED;
        }
    }

    private void direct(UserId user, Message message) {
        rest().openPrivateChannelById(user.value())
                .flatMap(channel -> channel.sendMessage(JdaRendering.create(message)))
                .queue(sent -> observer.directMessage(DiscordObserver.DirectMessage.DELIVERED), failure -> {
                    observer.directMessage(refusal(failure) ? DiscordObserver.DirectMessage.REFUSED
                            : DiscordObserver.DirectMessage.FAILED);
                    log.warn("Could not send user {} a direct message: {}", user, failure.toString());
                });
    }

    /** A shard to send through: direct messages go over REST, which any shard of the bot may use. */
    private JDA rest() {
        return DiscordShards.any(shards);
    }

    /** Discord will not deliver to this person: they accept no direct messages from the bot, or are unknown. */
    static boolean refusal(@Nullable Throwable failure) {
        return failure instanceof ErrorResponseException error && (error.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
                || error.getErrorResponse() == ErrorResponse.UNKNOWN_USER);
    }
}
