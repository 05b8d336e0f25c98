package app.plugboard.console;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.chat.UserNames;
import app.plugboard.common.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Notices in the terminal: printed between the lines of the running conversation (a terminal has
 * no message to replace, so the reply key does not matter). Names the terminal's user for pages.
 */
@Component
@ConditionalOnExpression("${plugboard.console.enabled:true} and '${plugboard.discord.token:}'.isEmpty()")
class ConsoleNotifier implements Notifier, UserNames {

    private static final Logger log = LoggerFactory.getLogger(ConsoleNotifier.class);

    private final UserId terminalUser;
    private volatile @Nullable ConsoleSession session;

    ConsoleNotifier(ConsoleProperties properties) {
        this.terminalUser = new UserId(properties.userId());
    }

    void attach(ConsoleSession session) {
        this.session = session;
    }

    @Override
    public void notify(UserId user, Message message, @Nullable String replyKey) {
        ConsoleSession current = session;
        if (current != null && user.equals(terminalUser)) {
            current.notice(message);
        } else {
            log.info("A notice for user {} could not be shown: no terminal conversation of theirs is running", user);
        }
    }

    /** Printed between prompts; a notice for someone else, or before the conversation runs, is not shown. */
    @Override
    public Delivery send(UserId user, Message message, String onceKey) {
        ConsoleSession current = session;
        if (!user.equals(terminalUser)) {
            return Delivery.REFUSED;
        }
        if (current == null) {
            return Delivery.FAILED;
        }
        current.notice(message);
        return Delivery.DELIVERED;
    }

    @Override
    public Optional<String> describe(UserId user) {
        return user.equals(terminalUser) ? Optional.of("the terminal user of this Plugboard") : Optional.empty();
    }
}
