package app.plugboard.chat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that cannot be reached (stopped, restarting, unreachable, the pool waiting in vain): the
 * person reads what happened and what to do, and the log says so once a minute while it lasts, instead
 * of a stack trace per request. Nothing needs resetting: the pool connects again by itself.
 */
final class DatabaseOutage {

    static final String MESSAGE = "Plugboard's database is not reachable right now; nothing was changed. Try again in a minute.";
    static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final Clock clock;
    private final AtomicReference<@Nullable Instant> lastSaid = new AtomicReference<>();

    DatabaseOutage(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether {@code failure} comes from not reaching the database: Spring's resource failures, the pool's
     * timeout, or a connection-class SQL state (08: connection exception; 57P0x: the server shutting down).
     */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            // the server ended the connection in the middle of a transaction or its commit, so rolling it back failed
            // too: Spring reports the failed rollback (keeping what ended the transaction aside, or, for a commit, not
            // at all). Committing and rolling back fail only when the connection is gone.
            if (cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /** Logs the outage, without a stack trace, unless it was said less than a minute ago. */
    void report(Throwable failure) {
        Instant now = clock.instant();
        Instant last = lastSaid.get();
        if (last != null && now.isBefore(last.plus(QUIET))) {
            return;
        }
        if (lastSaid.compareAndSet(last, now)) {
            log.warn("Plugboard's database is not reachable ({}); people are told to try again in a minute. "
                    + "Said again in a minute if it lasts.", rootCause(failure));
        }
    }

    private static boolean isConnectionState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
