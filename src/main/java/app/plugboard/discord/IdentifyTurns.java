package app.plugboard.discord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns at IDENTIFY, taken with every Plugboard on the database: a PostgreSQL advisory lock per bot and
 * rate-limit bucket, held while a shard identifies and for Discord's spacing after it. A transaction lock, so
 * it is released however the turn ends (a rollback), and by PostgreSQL itself when a Plugboard dies holding it
 * (its connection closes). Without the database, the turn is this process's own: spaced, not coordinated.
 */
class IdentifyTurns {

    private static final Logger log = LoggerFactory.getLogger(IdentifyTurns.class);

    /** How often a Plugboard waiting for a turn asks again. */
    static final Duration ASK_EVERY = Duration.ofMillis(200);

    /** What runs in a turn: a shard connecting and identifying. */
    interface Turn {
        void run() throws InterruptedException;
    }

    private final DataSource dataSource;

    IdentifyTurns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Waits for the turn of {@code bucket} of the bot {@code botId}, runs {@code turn}, then holds the turn for
     * {@code spacing} more, so the next IDENTIFY in the bucket, from any Plugboard, comes that much later.
     */
    void inTurn(long botId, int bucket, Duration spacing, Turn turn) throws InterruptedException {
        Connection connection = locked(botId, bucket);
        try {
            turn.run();
            Thread.sleep(spacing.toMillis());
        } finally {
            release(connection);
        }
    }

    /** A connection whose transaction holds the bucket's lock, or null when the database cannot be asked. */
    private @Nullable Connection locked(long botId, int bucket) throws InterruptedException {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            long waitingSince = System.nanoTime();
            boolean said = false;
            while (!tryLock(connection, botId, bucket)) {
                if (!said && System.nanoTime() - waitingSince > Duration.ofSeconds(15).toNanos()) {
                    log.info("Waiting for another Plugboard to finish logging in to Discord (bucket {})", bucket);
                    said = true;
                }
                Thread.sleep(ASK_EVERY.toMillis());
            }
            return connection;
        } catch (SQLException e) {
            log.warn("Could not take a turn to log in to Discord through the database ({}); logging in with this "
                    + "Plugboard's own spacing only", e.toString());
            release(connection);
            return null;
        } catch (InterruptedException e) {
            release(connection);
            throw e;
        }
    }

    private static boolean tryLock(Connection connection, long botId, int bucket) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            statement.setInt(1, lockClass(botId));
            statement.setInt(2, bucket);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                boolean locked = result.getBoolean(1);
                if (!locked) {
                    connection.rollback(); // no snapshot kept open while waiting
                }
                return locked;
            }
        }
    }

    /**
     * The lock's first key: the bot and what the lock is for. PostgreSQL keeps two-key advisory locks apart from
     * one-key ones (Flyway's), so only another two-key lock with the same pair could meet it.
     */
    static int lockClass(long botId) {
        return Objects.hash("plugboard discord identify", botId);
    }

    private static void release(@Nullable Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Releasing the Discord login turn: {}", e.toString()); // the lock ended with the connection
        }
    }
}
