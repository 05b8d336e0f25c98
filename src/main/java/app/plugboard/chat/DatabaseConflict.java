package app.plugboard.chat;

import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * PostgreSQL gave a transaction up because it ran into another one at the same moment: a deadlock (40P01), a
 * serialization failure (40001), a lock it was not allowed to wait for (55P03). The transaction was rolled back
 * whole, so nothing changed, and the same request a moment later usually works: the person is told exactly
 * that, not "something went wrong", and the log says it in one line.
 */
final class DatabaseConflict {

    static final String MESSAGE = "Plugboard's database was busy with another change at that moment; nothing was changed. Try again.";
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03");
    private static final Logger log = LoggerFactory.getLogger(DatabaseConflict.class);

    private DatabaseConflict() {
    }

    /** Spring's translation of such an error (optimistic locking too, which it counts alike), or its SQL state. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException || cause instanceof SQLException sql && isConflictState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static void report(Throwable failure) {
        log.warn("PostgreSQL gave a transaction up ({}); nothing was changed and the person was told to try again.",
                rootCause(failure));
    }

    private static boolean isConflictState(@Nullable String state) {
        return state != null && STATES.contains(state);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
