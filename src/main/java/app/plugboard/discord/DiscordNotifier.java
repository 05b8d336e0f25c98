package app.plugboard.discord;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import app.plugboard.common.ThreadPools;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a person something in Discord: by editing the ephemeral message under the reply key while
 * its interaction token lives, otherwise (or when the edit fails) in a direct message. The token comes from
 * {@link ReplyHooks}, so this Plugboard edits a message that another one showed. Every direct message waits for
 * its share of the bot's budget, which all Plugboards on the database share ({@link DirectMessageBudget}).
 */
class DiscordNotifier implements Notifier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordNotifier.class);

    private final ShardManager shards;
    private final ReplyHooks hooks;
    private final DirectMessageBudget budget;
    private final DiscordObserver observer;
    /** Sends the one-off direct messages (a sign-in's outcome): their wait for the budget holds no caller's thread. */
    private final ExecutorService directs = ThreadPools.bounded("discord-direct-", 2, 1_000,
            new ThreadPoolExecutor.DiscardOldestPolicy());

    DiscordNotifier(ShardManager shards, ReplyHooks hooks, DirectMessageBudget budget, DiscordObserver observer) {
        this.shards = shards;
        this.hooks = hooks;
        this.budget = budget;
        this.observer = observer;
    }

    @Override
    public void notify(UserId user, Message message, @Nullable String replyKey) {
        Optional<String> token = replyKey == null ? Optional.empty() : hooks.take(replyKey, user);
        if (token.isPresent()) {
            JDA rest = rest();
            WebhookClient.createClient(rest, rest.getSelfUser().getApplicationId(), token.get())
                    .editMessageById("@original", JdaRendering.edit(message)).queue(null, failure -> {
                        log.info("Could not edit the message of user {} any more ({}); sending a direct message", user,
                                failure.toString());
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
            if (!budget.take(rest().getSelfUser().getIdLong())) {
                log.warn("The bot's direct messages are at Discord's rate for now; the message to user {} is tried again later",
                        user);
                return Delivery.FAILED;
            }
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
        directs.execute(() -> {
            try {
                budget.take(rest().getSelfUser().getIdLong()); // sent after the wait either way: it is sent once only
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            rest().openPrivateChannelById(user.value())
                    .flatMap(channel -> channel.sendMessage(JdaRendering.create(message)))
                    .queue(sent -> observer.directMessage(DiscordObserver.DirectMessage.DELIVERED), failure -> {
                        observer.directMessage(refusal(failure) ? DiscordObserver.DirectMessage.REFUSED
                                : DiscordObserver.DirectMessage.FAILED);
                        log.warn("Could not send user {} a direct message: {}", user, failure.toString());
                    });
        });
    }

    @Override
    public void close() {
        directs.shutdown();
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
