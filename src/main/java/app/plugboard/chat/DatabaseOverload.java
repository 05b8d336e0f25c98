package app.plugboard.chat;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every connection of the pool stayed in use for longer than a request may wait for one, while the database itself
 * answers: too much at once, not an outage. The pool's timeout then carries no failure to connect (when the
 * database is out of reach it carries the last one, and {@link DatabaseOutage} answers). The person is told that
 * Plugboard is very busy; the log says so once a minute while it lasts, naming the setting to raise.
 */
final class DatabaseOverload {

    static final String MESSAGE = "Plugboard is very busy right now; nothing was changed. Try again in a minute.";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOverload.class);

    private final Clock clock;
    private final AtomicReference<@Nullable Instant> lastSaid = new AtomicReference<>();

    DatabaseOverload(Clock clock) {
        this.clock = clock;
    }

    /** The pool's "connection is not available, request timed out" with no failure to connect behind it. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException && cause.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** Logs it, without a stack trace, unless it was said less than a minute ago. */
    void report(Throwable failure) {
        Instant now = clock.instant();
        Instant last = lastSaid.get();
        if (last != null && now.isBefore(last.plus(Duration.ofMinutes(1)))) {
            return;
        }
        if (lastSaid.compareAndSet(last, now)) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("Every database connection was in use for longer than a request may wait ({}); people are told "
                    + "Plugboard is very busy. If it lasts, raise PLUGBOARD_DB_POOL_SIZE. Said again in a minute if it lasts.",
                    root.getMessage());
        }
    }
}
