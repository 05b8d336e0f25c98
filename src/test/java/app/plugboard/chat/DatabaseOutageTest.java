package app.plugboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.PlugboardApplication;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.testsupport.TestKeys;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Plugboard on a PostgreSQL of its own that this test stops and starts again (a real server, not the
 * test JVM's shared one), talked to through the terminal.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("When the database is not reachable")
class DatabaseOutageTest {

    static final UserId ME = new UserId(1);
    static final String SENTENCE = "Plugboard's database is not reachable right now; nothing was changed. Try again in a minute.";
    static final String BUSY = "Plugboard is very busy right now; nothing was changed. Try again in a minute.";

    @TempDir
    Path postgresDir;
    @TempDir
    Path dataDir;

    EmbeddedPostgres postgres;
    ConfigurableApplicationContext plugboard;

    @AfterEach
    void stop() throws IOException {
        if (plugboard != null) {
            plugboard.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @DisplayName("each command says so, the log says it once without a stack trace, and it works again once the database is back")
    void outageAndRecovery(CapturedOutput output) throws Exception {
        // GIVEN Plugboard running on its PostgreSQL, with one integration
        int port = freePort();
        postgres = startPostgres(port);
        plugboard = startPlugboard(port);
        plugboard.getBean(IntegrationService.class).create(ME, "Work mail", SampleSettings.imap("pw"));
        ChatRouter router = plugboard.getBean(ChatRouter.class);
        assertThat(TerminalDriver.converse(router, ME, "/integration list")).contains("Your integrations (1)");

        // WHEN the database stops, and the person runs two commands
        postgres.close();
        postgres = null;
        Thread.sleep(600); // longer than the pool trusts a connection used just before without asking
        int logBefore = output.getOut().length();
        String during = TerminalDriver.converse(router, ME, "/integration list", "/workflow list");

        // THEN both are answered with what happened and what to do, and nothing else
        assertThat(during.split(Pattern.quote(SENTENCE), -1)).hasSize(3);
        assertThat(during).doesNotContain("Something went wrong", "Your integrations", "Exception");
        // AND the log says so once, without a stack trace
        String log = output.getOut().substring(logBefore);
        assertThat(log.lines().filter(line -> line.contains("database is not reachable"))).hasSize(1);
        assertThat(log).doesNotContain("\tat ", "Unexpected failure");

        // WHEN the database is back THEN the same Plugboard answers again, as soon as its pool has reconnected
        // (the pool retries with a back-off of its own, so the very first command may still be told to wait)
        postgres = startPostgres(port);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(TerminalDriver.converse(router, ME, "/integration list"))
                        .contains("Your integrations (1)", "Work mail").doesNotContain(SENTENCE));
    }

    @Test
    @DisplayName("every connection busy for longer than the pool waits (the database itself up): the person reads that Plugboard is very busy, not that the database is not reachable")
    void poolExhausted(CapturedOutput output) throws Exception {
        // GIVEN Plugboard running on its PostgreSQL, with one integration
        int port = freePort();
        postgres = startPostgres(port);
        plugboard = startPlugboard(port);
        plugboard.getBean(IntegrationService.class).create(ME, "Work mail", SampleSettings.imap("pw"));
        ChatRouter router = plugboard.getBean(ChatRouter.class);
        HikariDataSource pool = plugboard.getBean(HikariDataSource.class);

        // WHEN every connection of its pool is in use for longer than the pool waits for one, and the person runs two
        // commands
        List<Connection> held = new ArrayList<>();
        String during;
        int logBefore = output.getOut().length();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            during = TerminalDriver.converse(router, ME, "/integration list", "/workflow create name:Digest integrations:Work mail");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        // THEN both are told that Plugboard is very busy and nothing was changed, not that the database is out of reach
        assertThat(during.split(Pattern.quote(BUSY), -1)).hasSize(3);
        assertThat(during).doesNotContain(SENTENCE, "Something went wrong", "Exception");
        // AND nothing was stored
        assertThat(new JdbcTemplate(pool).queryForObject("select count(*) from workflow", Integer.class)).isZero();
        // AND the log says so once, naming the setting to raise, without a stack trace
        String log = output.getOut().substring(logBefore);
        assertThat(log.lines().filter(line -> line.contains("PLUGBOARD_DB_POOL_SIZE"))).hasSize(1);
        assertThat(log).doesNotContain("database is not reachable", "\tat ", "Unexpected failure");
        // AND with the connections given back, the same command works at once
        assertThat(TerminalDriver.converse(router, ME, "/integration list")).contains("Your integrations (1)", "Work mail");
    }

    @Test
    @DisplayName("what counts as not reaching the database, and the log line: once a minute while it lasts")
    void classifiedAndSaidOncePerMinute(CapturedOutput output) {
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("select", "select 1",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("select", "select 1",
                new SQLException("Connection to localhost:5432 refused", "08001"))))
                .isTrue();
        // a transaction cut off by the server stopping, whose rollback then fails on the closed connection
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new UncategorizedSQLException("insert", "insert into integration",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseOutage.isCause(rollbackFailed)).isTrue();
        // a commit the server refused by stopping, whose rollback then failed: Spring keeps only the failed rollback
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        // the pool's timeout is an outage when connecting failed behind it; without that, the pool was only full
        SQLTransientConnectionException full = new SQLTransientConnectionException("Connection is not available, request timed out");
        SQLTransientConnectionException unreachable = new SQLTransientConnectionException(
                "Connection is not available, request timed out", "08001", new SQLException("Connection refused", "08001"));
        assertThat(DatabaseOverload.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", full))).isTrue();
        assertThat(DatabaseOverload.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", full))).isTrue();
        assertThat(DatabaseOverload.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", unreachable)))
                .isFalse();
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", unreachable)))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();

        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
        DatabaseOutage outage = new DatabaseOutage(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        RuntimeException refused = new CannotGetJdbcConnectionException("refused");
        outage.report(refused);
        now.set(now.get().plusSeconds(59));
        outage.report(refused);
        // (its own lines: a context another test closed may still log from its threads meanwhile)
        assertThat(output.getOut().lines().filter(line -> line.contains("database is not reachable")
                && line.contains("CannotGetJdbcConnectionException: refused"))).hasSize(1);
        now.set(now.get().plusSeconds(1));
        outage.report(refused);
        assertThat(output.getOut().lines().filter(line -> line.contains("database is not reachable")
                && line.contains("CannotGetJdbcConnectionException: refused"))).hasSize(2);
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        EmbeddedPostgres started = EmbeddedPostgres.builder().setDataDirectory(postgresDir).setCleanDataDirectory(false)
                .setPort(port).start();
        try (Connection connection = started.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return started;
    }

    private ConfigurableApplicationContext startPlugboard(int port) {
        return new SpringApplicationBuilder(PlugboardApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--plugboard.data-dir=" + dataDir,
                "--plugboard.encryption.key=" + TestKeys.CURRENT,
                "--plugboard.console.enabled=false",
                "--server.port=0");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
