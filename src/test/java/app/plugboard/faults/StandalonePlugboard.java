package app.plugboard.faults;

import app.plugboard.PlugboardApplication;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.testsupport.ShardsReady;
import app.plugboard.testsupport.TestKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole Plugboard for a fault that the shared test contexts cannot take: on a PostgreSQL of its own (a second
 * embedded server, on a fixed port so it can be stopped and started again, reached as an external database
 * through {@code spring.datasource.url}, the property {@code SPRING_DATASOURCE_URL} sets), logged in to a fake
 * Discord of its own, stopped by the test ({@link #stop()}: what SIGTERM does). The test reads the database
 * through a connection of its own ({@link #database()}), not through Plugboard.
 */
final class StandalonePlugboard implements AutoCloseable {

    private final Path postgresDir;
    private final Path dataDir;
    private final int postgresPort;
    private final FakeDiscord discord = FakeDiscord.start();
    private @Nullable EmbeddedPostgres postgres;
    private @Nullable ConfigurableApplicationContext context;

    private StandalonePlugboard(Path workDir) {
        try {
            postgresDir = Files.createDirectories(workDir.resolve("postgres"));
            dataDir = Files.createDirectories(workDir.resolve("data"));
            postgresPort = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts its PostgreSQL, then Plugboard with these extra settings ({@code name=value}), and waits until it is online. */
    static StandalonePlugboard start(Path workDir, String... settings) {
        StandalonePlugboard plugboard = new StandalonePlugboard(workDir);
        try {
            plugboard.startDatabase();
            plugboard.startPlugboard(settings);
            return plugboard;
        } catch (RuntimeException e) {
            plugboard.close();
            throw e;
        }
    }

    FakeDiscord discord() {
        return discord;
    }

    ConfigurableApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("Plugboard is not running");
        }
        return context;
    }

    <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** The JDBC address Plugboard was given. */
    String databaseUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    }

    /** A connection of the test's own to Plugboard's database (fresh each time: it works across a restart of the database). */
    JdbcTemplate database() {
        EmbeddedPostgres running = postgres;
        if (running == null) {
            throw new IllegalStateException("the database is stopped");
        }
        DataSource source = running.getPostgresDatabase();
        return new JdbcTemplate(source);
    }

    /** Stops PostgreSQL ("fast" shutdown: sessions are ended, open transactions rolled back). */
    void stopDatabase() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts PostgreSQL on the same directory and port (again). */
    void startDatabase() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder().setDataDirectory(postgresDir).setCleanDataDirectory(false)
                    .setPort(postgresPort).start();
            try (Connection connection = started.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("select 1");
            }
            postgres = started;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the fault's PostgreSQL did not start", e);
        }
    }

    /** Stops Plugboard as SIGTERM does (the context closes), and says how long that took in milliseconds. */
    long stop() {
        ConfigurableApplicationContext running = context;
        context = null;
        long started = System.nanoTime();
        if (running != null) {
            running.close();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private void startPlugboard(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--plugboard.data-dir=" + dataDir,
                "--plugboard.encryption.key=" + TestKeys.CURRENT,
                "--plugboard.console.enabled=false",
                "--server.port=0",
                "--management.server.port=0",
                "--plugboard.discord.token=" + discord.token(),
                "--plugboard.discord.rest-url=" + discord.restBaseUrl(),
                "--plugboard.discord.gateway-url=" + discord.gatewayUrl(),
                "--plugboard.network.allowed-ranges=127.0.0.1/32"));
        for (String setting : settings) {
            arguments.add("--" + setting);
        }
        context = new SpringApplicationBuilder(PlugboardApplication.class).run(arguments.toArray(String[]::new));
        try {
            ShardsReady.await(context.getBean(ShardManager.class));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        discord.awaitRegisteredCommands();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try {
                stopDatabase();
            } finally {
                discord.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
