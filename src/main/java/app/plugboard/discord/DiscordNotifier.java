package app.plugboard.discord;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;
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

    DiscordNotifier(JDA jda, PendingReplies pending) {
        this.jda = jda;
        this.pending = pending;
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
                .queue(null, failure -> log.warn("Could not send user {} a direct message: {}", user, failure.toString()));
    }
}
