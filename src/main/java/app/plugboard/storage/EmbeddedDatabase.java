package app.plugboard.storage;

import app.plugboard.common.StartupProblem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server that Plugboard runs itself when no database is configured, with its
 * data under the data directory so that a restart keeps everything. One Plugboard at a time may
 * use a data directory: a second one fails with a clear message before it touches the files.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "plugboard";
    static final String USER = "postgres";
    private static final String LOCK_FILE = "plugboard.lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /** Starts the server on {@code port} (0: any free port) with its files in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path postgresDir = dataDir.resolve("postgres");
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel);
            if (lock == null) {
                throw new StartupProblem(
                        "Another Plugboard is already running with the data directory " + dataDir + ".",
                        "Stop the other one first, or give this one its own directory with PLUGBOARD_DATA_DIR.");
            }
            stopOrphanedServer(postgresDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's defaults suit throw-away test databases; this one keeps real data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "50");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            EmbeddedDatabase database = new EmbeddedDatabase(dataDir, channel, lock, postgres);
            log.info("Embedded PostgreSQL is running on localhost:{} with its data in {}. To use your own PostgreSQL "
                    + "server instead, set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
                    postgres.getPort(), postgresDir);
            return database;
        } catch (StartupProblem problem) {
            release(channel, lock);
            throw problem;
        } catch (IOException | SQLException | RuntimeException e) {
            release(channel, lock);
            throw new StartupProblem("The embedded PostgreSQL could not start with its data in " + postgresDir + ".",
                    "See the log lines above for PostgreSQL's own reason. If the directory is damaged, move it away "
                            + "(it is your data: keep a copy), or point SPRING_DATASOURCE_URL to another PostgreSQL.", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops PostgreSQL (a fast, clean shutdown) and lets another Plugboard use the directory. */
    @Override
    public void close() throws IOException {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped.");
        } finally {
            release(lockChannel, lock);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the data directory lock", e);
        }
    }

    /**
     * After a crash (the JVM killed, not stopped), its PostgreSQL may still run and hold the data
     * directory. We hold the Plugboard lock, so no live Plugboard owns it: stop it cleanly first.
     */
    private static void stopOrphanedServer(Path postgresDir) throws IOException {
        Path pidFile = postgresDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL left running by an earlier Plugboard (pid {}) still holds {}: stopping it.",
                orphan.get().pid(), postgresDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupProblem("A PostgreSQL left running by an earlier Plugboard (pid " + orphan.get().pid()
                    + ") did not stop.", "Stop that process, then start Plugboard again.");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        }
    }
}
