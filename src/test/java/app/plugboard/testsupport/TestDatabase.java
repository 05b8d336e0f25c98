package app.plugboard.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL of a test JVM: an embedded server in a temporary directory by default (no
 * Docker, no system PostgreSQL), or a Testcontainers PostgreSQL when the system property or
 * environment variable {@code PLUGBOARD_TEST_DATABASE} is {@code testcontainers}.
 */
public final class TestDatabase {

    private static final String DATABASE = "plugboard_test";
    private static volatile TestDatabase instance;

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = "testcontainers".equals(selected()) ? startContainer() : startEmbedded();
                }
            }
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static String selected() {
        String value = System.getProperty("PLUGBOARD_TEST_DATABASE", System.getenv("PLUGBOARD_TEST_DATABASE"));
        return value == null ? "embedded" : value.toLowerCase(Locale.ROOT);
    }

    private static TestDatabase startEmbedded() {
        try {
            Path directory = Files.createTempDirectory("plugboard-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(true)
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + DATABASE);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new TestDatabase(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the embedded test PostgreSQL did not start", e);
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    private static TestDatabase startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine").withDatabaseName(DATABASE);
        container.start();
        return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
