package app.plugboard.discord;

import app.plugboard.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.springframework.stereotype.Component;

/**
 * Where the bot showed a message that something will report back to later (a {@code replyKey}):
 * the interaction's hook, which can edit that ephemeral message while the interaction token lives
 * (15 minutes; we stop a minute early). Short-lived and bounded; each key is used once.
 */
@Component
class PendingReplies {

    static final Duration WINDOW = Duration.ofMinutes(14);
    private static final int MAX = 2_000;

    private record Pending(UserId user, InteractionHook hook, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Pending> byKey = new LinkedHashMap<>();

    PendingReplies(Clock clock) {
        this.clock = clock;
    }

    synchronized void remember(String key, UserId user, InteractionHook hook) {
        Instant now = clock.instant();
        for (Iterator<Pending> it = byKey.values().iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (byKey.size() < MAX && !expired(pending, now)) {
                break; // oldest first: the rest is younger
            }
            it.remove();
        }
        byKey.put(key, new Pending(user, hook, now));
    }

    /** The hook under this key, if it is this user's and can still edit; the key is used up either way. */
    synchronized Optional<InteractionHook> take(String key, UserId user) {
        Pending pending = byKey.remove(key);
        if (pending == null || !pending.user().equals(user) || expired(pending, clock.instant()) || pending.hook().isExpired()) {
            return Optional.empty();
        }
        return Optional.of(pending.hook());
    }

    private static boolean expired(Pending pending, Instant now) {
        return !now.isBefore(pending.at().plus(WINDOW));
    }
}
