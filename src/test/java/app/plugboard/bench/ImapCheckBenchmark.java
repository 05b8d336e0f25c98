package app.plugboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatProperties;
import app.plugboard.common.UserId;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.Tables;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The IMAP check's cost over bare Angus Mail (README, "Performance"): the same logins against a
 * local GreenMail, at the app's concurrency ({@code plugboard.chat.workers}), once through
 * Plugboard's {@link ConnectionChecker#checkNow} (read and decrypt the settings, guard, connect,
 * log in, count INBOX and folders, log out, store the status) and once with bare Angus Mail doing
 * the same IMAP work with the same TLS trust. Not part of {@code verify} (the name matches no
 * Surefire pattern); run it with {@code bench/imap.sh}.
 */
@Tag("benchmark")
@SpringBootTest
@DisplayName("Benchmark: IMAP checks through Plugboard against bare Angus Mail")
class ImapCheckBenchmark {

    static final int COUNT = Integer.getInteger("bench.count", 1000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final int WARMUP = Math.min(COUNT, 100);
    static final String PASSWORD = "bench-pw";
    static final UserId OWNER = new UserId(777L);
    static final TestMailServer MAIL = TestMailServer.start();

    @DynamicPropertySource
    static void mailSettings(DynamicPropertyRegistry registry) {
        registry.add("plugboard.network.allowed-ranges", () -> "127.0.0.0/8");
        TestTls.trustedBy(registry);
        String workers = System.getProperty("bench.workers");
        if (workers != null) {
            registry.add("plugboard.chat.workers", () -> workers);
        }
    }

    @Autowired
    ConnectionChecker checker;
    @Autowired
    IntegrationService integrations;
    @Autowired
    ChatProperties chat;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    static String address(int i) {
        return String.format(Locale.ROOT, "user%04d@example.com", i);
    }

    @Test
    @DisplayName("1,000 checks through Plugboard and 1,000 bare Angus Mail logins, at the app's concurrency")
    void benchmark() throws Exception {
        // GIVEN COUNT mailboxes, each with a message, and an integration for each
        Tables.truncateAll(jdbc);
        Date date = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
        List<IntegrationId> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            GreenMailUser user = MAIL.user(address(i), PASSWORD);
            MAIL.deliver(user, "bob@example.com", "Hello", "Text", false, date);
            ids.add(integrations.create(OWNER, String.format(Locale.ROOT, "Mail %04d", i), new ImapSettings(address(i),
                    Secret.of(PASSWORD), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null)).id());
        }
        SSLSocketFactory bareTls = bareTls();
        int workers = chat.workers();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            // warm up both (JIT, TLS session cache, connection pools)
            run(pool, WARMUP, i -> plugboard(ids.get(i)));
            run(pool, WARMUP, i -> bare(bareTls, i));

            // WHEN both run COUNT logins, alternating, ROUNDS times
            List<Long> ours = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                bare.add(run(pool, COUNT, i -> bare(bareTls, i)));
                ours.add(run(pool, COUNT, i -> plugboard(ids.get(i))));
            }

            // THEN every check connected; the figures are reported
            assertThat(jdbc.queryForObject("select count(*) from integration where status = ?", Integer.class,
                    IntegrationStatus.CONNECTED.name())).isEqualTo(COUNT);
            report(workers, ours, bare);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} tasks on the pool; the wall-clock time in milliseconds. */
    private static long run(ExecutorService pool, int count, Task task) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    task.run(index);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(failures.get()).as("failed logins").isZero();
        return millis;
    }

    private void plugboard(IntegrationId id) {
        ConnectionChecker.Checked checked = checker.checkNow(OWNER, id);
        if (checked.result().status() != IntegrationStatus.CONNECTED) {
            throw new IllegalStateException(checked.result().message());
        }
    }

    /** What the check does, with Angus Mail alone: the same TLS trust and timeouts, no guard, no database. */
    private static void bare(SSLSocketFactory tls, int i) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imaps.ssl.socketFactory", tls);
        properties.put("mail.imaps.ssl.checkserveridentity", "true");
        properties.put("mail.imaps.connectiontimeout", "5000");
        properties.put("mail.imaps.timeout", "15000");
        properties.put("mail.imaps.writetimeout", "15000");
        Store store = Session.getInstance(properties).getStore("imaps");
        store.connect("localhost", MAIL.imapsPort(), address(i), PASSWORD);
        try {
            int folders = store.getDefaultFolder().list("*").length;
            Folder inbox = store.getFolder("INBOX");
            int unread = inbox.getUnreadMessageCount();
            inbox.open(Folder.READ_ONLY);
            int messages = inbox.getMessageCount();
            inbox.close(false);
            if (folders < 1 || messages != 1 || unread != 1) {
                throw new IllegalStateException("unexpected mailbox");
            }
        } finally {
            store.close();
        }
    }

    /** The JDK's CAs plus the test CA, as Plugboard trusts them. */
    private static SSLSocketFactory bareTls() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestTls.trustStore())) {
            trust.load(in, TestTls.PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static void report(int workers, List<Long> ours, List<Long> bare) throws IOException {
        long oursTotal = ours.stream().mapToLong(Long::longValue).sum();
        long bareTotal = bare.stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "IMAP check benchmark: %d logins per run, %d workers, %d rounds, %d cores, Java %s%n",
                COUNT, workers, ROUNDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        for (int round = 0; round < ours.size(); round++) {
            text.append(String.format(Locale.ROOT, "  round %d: bare Angus Mail %6d ms (%5.1f logins/s), Plugboard %6d ms "
                    + "(%5.1f checks/s), ratio %.2f%n", round + 1, bare.get(round), COUNT * 1000.0 / bare.get(round),
                    ours.get(round), COUNT * 1000.0 / ours.get(round), ours.get(round) / (double) bare.get(round)));
        }
        text.append(String.format(Locale.ROOT, "  all rounds: bare %d ms, Plugboard %d ms, ratio %.2f (target: at most 1.20)%n",
                bareTotal, oursTotal, oursTotal / (double) bareTotal));
        System.out.print(text);
        Path out = Path.of("target", "bench", "imap.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}
