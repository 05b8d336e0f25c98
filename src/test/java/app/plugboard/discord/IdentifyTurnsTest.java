package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.testsupport.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Turns at IDENTIFY through PostgreSQL, as several Plugboards take them: each "Plugboard" here has a data source
 * of its own (its own connections, as another process would), all on the test database.
 */
@DisplayName("Turns at logging in to Discord, through the database")
class IdentifyTurnsTest {

    static final Duration SPACING = Duration.ofMillis(300);
    static final long BOT = 1_234_567_890_123L;

    private final ExecutorService plugboards = Executors.newCachedThreadPool();

    record Turn(String who, long startNanos, long endNanos) {
    }

    @AfterEach
    void stop() {
        plugboards.shutdownNow();
    }

    @Test
    @DisplayName("two Plugboards identifying in one bucket take turns: never at once, each turn the spacing after the last")
    void oneBucketTakesTurns() throws Exception {
        // GIVEN two Plugboards on one database, each with three shards of bucket 0 to start
        List<Turn> turns = new CopyOnWriteArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (String who : List.of("A", "B")) {
            IdentifyTurns plugboard = new IdentifyTurns(database());
            running.add(plugboards.submit(() -> {
                for (int shard = 0; shard < 3; shard++) {
                    plugboard.inTurn(BOT, 0, SPACING, () -> identify(who, turns));
                }
                return null;
            }));
        }

        // WHEN they start at once
        for (Future<?> plugboard : running) {
            plugboard.get(30, TimeUnit.SECONDS);
        }

        // THEN the six turns came one after another, each at least the spacing after the one before ended
        List<Turn> inOrder = turns.stream().sorted(Comparator.comparingLong(Turn::startNanos)).toList();
        assertThat(inOrder).hasSize(6).extracting(Turn::who).contains("A", "B");
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(Duration.ofNanos(inOrder.get(i).startNanos() - inOrder.get(i - 1).endNanos()))
                    .as("gap before turn %d", i).isGreaterThanOrEqualTo(SPACING);
        }
    }

    @Test
    @DisplayName("another bucket, or another bot, does not wait for a turn in progress")
    void otherBucketsDoNotWait() throws Exception {
        // GIVEN Plugboard A is identifying in bucket 0 (and holds the turn until told)
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> a = plugboards.submit(() -> {
            new IdentifyTurns(database()).inTurn(BOT, 0, SPACING, () -> {
                holding.countDown();
                release.await();
            });
            return null;
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        // WHEN Plugboard B identifies a shard of bucket 1, and a shard of another bot in bucket 0
        IdentifyTurns b = new IdentifyTurns(database());
        long started = System.nanoTime();
        List<String> ran = new CopyOnWriteArrayList<>();
        b.inTurn(BOT, 1, Duration.ZERO, () -> ran.add("bucket 1"));
        b.inTurn(BOT + 1, 0, Duration.ZERO, () -> ran.add("other bot"));

        // THEN both ran at once, while A still holds its turn
        assertThat(ran).containsExactly("bucket 1", "other bot");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a Plugboard that dies during its turn frees it: its connection ends, and with it the lock")
    void deadHolderFreesTheTurn() throws Exception {
        // GIVEN Plugboard A is identifying in bucket 0 and hangs there
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        plugboards.submit(() -> {
            new IdentifyTurns(database()).inTurn(BOT, 0, SPACING, () -> {
                holding.countDown();
                never.await();
            });
            return null;
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Long> b = plugboards.submit(() -> {
            long asked = System.nanoTime();
            new IdentifyTurns(database()).inTurn(BOT, 0, Duration.ZERO, () -> { });
            return System.nanoTime() - asked;
        });
        Thread.sleep(500);
        assertThat(b.isDone()).as("B waits while A holds the turn").isFalse();

        // WHEN A's process dies: PostgreSQL sees its connection end
        int killed = new JdbcTemplate(database()).queryForObject("select count(pg_terminate_backend(pid)) from pg_locks "
                + "where locktype = 'advisory' and classid = ? and objid = 0 and objsubid = 2 and granted",
                Integer.class, IdentifyTurns.lockClass(BOT) & 0xffffffffL);

        // THEN B gets the turn at once
        assertThat(killed).isEqualTo(1);
        assertThat(Duration.ofNanos(b.get(10, TimeUnit.SECONDS))).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("without the database, a shard still identifies, spaced by this Plugboard alone")
    void withoutTheDatabase() throws Exception {
        // GIVEN a database that cannot be reached
        IdentifyTurns turns = new IdentifyTurns(new AbstractDataSource() {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                throw new SQLException("Connection refused");
            }

            @Override
            public java.sql.Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        });

        // WHEN a shard identifies
        List<Turn> turns1 = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        turns.inTurn(BOT, 0, SPACING, () -> identify("A", turns1));

        // THEN it did, and the turn lasted the spacing
        assertThat(turns1).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SPACING);
    }

    private static void identify(String who, List<Turn> turns) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(50); // connecting, IDENTIFY, READY
        turns.add(new Turn(who, start, System.nanoTime()));
    }

    private static DataSource database() {
        TestDatabase database = TestDatabase.get();
        return new DriverManagerDataSource(database.url(), database.username(), database.password());
    }
}
