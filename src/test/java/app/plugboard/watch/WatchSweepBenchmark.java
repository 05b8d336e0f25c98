package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.net.HostResolver;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.StatementLog;
import app.plugboard.testsupport.StatementLog.Statement;
import app.plugboard.testsupport.TestDatabase;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A sweep of the watch over {@code bench.count} integrations (README, "Performance"; run it with
 * {@code bench/watch-sweep.sh}, it is not part of {@code verify}: the name matches no Surefire pattern).
 *
 * <p>Half are IMAP mailboxes on one GreenMail (implicit TLS, a certificate for {@code *.bench.test} from a CA made
 * for the run), half calendar feeds on one loopback HTTP server. Each integration names a server by host name,
 * {@code mail-NN.bench.test} and {@code feeds-NN.bench.test} ({@code bench.hosts} of each, 100 unless told), all
 * resolved to 127.0.0.1: so the per-server limit ({@code PLUGBOARD_WATCH_PER_HOST}, 4) applies as it would to many
 * users at 200 providers, and with 8 checks at once it practically never holds a check back (the run counts how
 * often it did). The watch runs as configured by default: 8 workers, 4 per server, a poll every 10 s.
 *
 * <p>A sweep: every check made due at one moment; timed from the first claim to the last check planned again.
 * Measured, alternating, {@code bench.rounds} times each: the same fetches and logins done bare at the same
 * concurrency (a pool of as many threads as the watch has workers: OkHttp and ical4j for a feed, Angus Mail for a
 * mailbox, same TLS trust and host names, no guard, no database) and a sweep by the watch, counting every statement
 * Plugboard sends (datasource-proxy). Then heap after a full GC after each sweep; and {@code /integration list}
 * through the real JDA against the fake Discord, in bursts, without a sweep and during one.
 */
@DiscordTest(properties = {"plugboard.watch.interval=30m", "plugboard.network.allowed-ranges=127.0.0.0/8"})
@Import({StatementLog.Beans.class, WatchSweepBenchmark.BenchHosts.class})
@DisplayName("Benchmark: a sweep of the watch against the same fetches and logins done bare")
class WatchSweepBenchmark {

    static final int COUNT = Integer.getInteger("bench.count", 10_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final int HOSTS = Integer.getInteger("bench.hosts", 100);
    static final int LIST_CONCURRENT = Integer.getInteger("bench.list.concurrent", 25);
    static final int LIST_ROUNDS = Integer.getInteger("bench.list.rounds", 20);
    static final int PER_USER = 20;
    static final int WARMUP = Math.min(COUNT, 400);
    static final String PASSWORD = "bench-pw";
    static final String DOMAIN = ".bench.test";
    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final byte[] FEED = CalendarParsingTest.resource("google-family.ics");
    static final BenchTls TLS = BenchTls.make();
    static final GreenMail MAIL = startMail();
    static final AtomicLong FEED_REQUESTS = new AtomicLong();
    static final HttpServer FEEDS = startFeeds();
    /** The benchmark's own questions to the database, past Plugboard's data source (not counted as Plugboard's). */
    static final JdbcTemplate OBSERVER = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.get().url(),
            TestDatabase.get().username(), TestDatabase.get().password()));

    @DynamicPropertySource
    static void benchTrust(DynamicPropertyRegistry registry) {
        registry.add("plugboard.tls.trust-store", () -> TLS.trust().toString());
        registry.add("plugboard.tls.trust-store-password", () -> BenchTls.PASSWORD);
    }

    /** Every {@code *.bench.test} name is 127.0.0.1; other names as the system resolves them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BenchHosts {
        @Bean
        @Primary
        HostResolver benchHosts() {
            return host -> host.endsWith(DOMAIN) ? new InetAddress[] {loopback(host)} : HostResolver.SYSTEM.resolve(host);
        }
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    StatementLog statements;
    @Autowired
    WatchProperties watch;

    @AfterAll
    static void stopServers() {
        MAIL.stop();
        FEEDS.stop(0);
    }

    @Test
    @DisplayName("a sweep of 10,000 integrations, against the same work done bare; statements per check; heap; list latency")
    void sweep() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Watch sweep benchmark: %,d integrations (%,d IMAP mailboxes on GreenMail, implicit "
                + "TLS; %,d calendar feeds over http), %d + %d host names on loopback; %d workers, %d per server; %d cores, "
                + "Java %s; load average at start %s", COUNT, mailboxes(), COUNT - mailboxes(), Math.min(HOSTS, mailboxes()),
                Math.min(HOSTS, COUNT - mailboxes()), watch.workers(), watch.perHost(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load()));

        // GIVEN the integrations, 20 per person, each with a mailbox or feed that works
        long setupStarted = System.nanoTime();
        List<FakeUser> users = new ArrayList<>();
        Date date = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            if (i % PER_USER == 0) {
                users.add(discord.user("bench-" + i / PER_USER));
            }
            UserId owner = new UserId(users.get(users.size() - 1).id());
            if (i % 2 == 0) {
                GreenMailUser box = MAIL.setUser(address(i), address(i), PASSWORD);
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
                message.setFrom(new InternetAddress("bob@example.com"));
                message.setSubject("Hello");
                message.setText("Text");
                message.setSentDate(date);
                message.saveChanges();
                MAIL.getManagers().getImapHostManager().getInbox(box).appendMessage(message, new Flags(), date);
            }
            ids.add(integrations.create(owner, String.format(Locale.ROOT, "%s %05d", i % 2 == 0 ? "Mail" : "Feed", i),
                    settings(i), CheckResult.connected("Connected")).id().toString());
        }
        quiet();
        lines.add(String.format(Locale.ROOT, "setup: %,d integrations of %,d people in %.0f s", COUNT, users.size(),
                seconds(System.nanoTime() - setupStarted)));
        ExecutorService pool = Executors.newFixedThreadPool(watch.workers());
        try {
            // warm up both ways (JIT, TLS sessions, pools) and the list
            bare(pool, WARMUP);
            sweep(ids.subList(0, WARMUP).toArray(String[]::new), false, null);
            lists(users, 3, Duration.ofMillis(500));

            // WHEN: /integration list without a sweep
            Lists before = lists(users, LIST_ROUNDS / 2, Duration.ofSeconds(1));
            long heapBefore = heapAfterGc();

            // WHEN: bare and sweeps, alternating
            List<Long> bare = new ArrayList<>();
            List<Sweep> sweeps = new ArrayList<>();
            List<Long> heap = new ArrayList<>();
            List<Long> heapAfterBare = new ArrayList<>();
            Map<String, long[]> firstHistogram = Map.of();
            for (int round = 0; round < ROUNDS; round++) {
                String loadBefore = load();
                bare.add(bare(pool, COUNT));
                heapAfterBare.add(heapAfterGc());
                sweeps.add(sweep(null, true, null));
                heap.add(heapAfterGc());
                if (round == 0) {
                    firstHistogram = histogram();
                }
                lines.add(String.format(Locale.ROOT, "round %d: bare %6.1f s, sweep %6.1f s (first claim %4.1f s after due), "
                        + "ratio %.2f; load average %s -> %s", round + 1, bare.get(round) / 1000.0, sweeps.get(round).millis() / 1000.0,
                        sweeps.get(round).waitedMillis() / 1000.0, sweeps.get(round).millis() / (double) bare.get(round),
                        loadBefore, load()));
            }

            Map<String, long[]> lastHistogram = histogram();

            // WHEN: /integration list during a sweep, in bursts spread over most of it, then again without
            long expected = sweeps.stream().mapToLong(Sweep::millis).sum() / sweeps.size();
            Duration pause = Duration.ofMillis(Math.max(1000, expected * 7 / 10 / LIST_ROUNDS));
            List<Lists> during = new ArrayList<>();
            Sweep loaded = sweep(null, false, () -> during.add(lists(users, LIST_ROUNDS, pause)));
            long heapAfterLoaded = heapAfterGc();
            Lists after = lists(users, LIST_ROUNDS - LIST_ROUNDS / 2, Duration.ofSeconds(1));

            // THEN every check found its mailbox or feed working, nobody was told anything
            assertThat(OBSERVER.queryForObject("select count(*) from integration where status = ?", Integer.class,
                    IntegrationStatus.CONNECTED.name())).isEqualTo(COUNT);
            assertThat(OBSERVER.queryForObject("select count(*) from integration_notice", Integer.class)).isZero();

            lines.add(String.format(Locale.ROOT, "heap after a full GC after each bare run: %s MB", heapAfterBare.stream()
                    .map(bytes -> String.format(Locale.ROOT, "%.1f", bytes / 1e6)).collect(Collectors.joining(", "))));
            if (ROUNDS > 1) {
                lines.add("largest growth of live objects from after sweep 1 to after sweep " + ROUNDS + ": "
                        + growth(firstHistogram, lastHistogram));
            }
            report(lines, bare, sweeps, heapBefore, heap, loaded, heapAfterLoaded, before.and(after), during.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- the sweep

    /**
     * @param millis       from the first claim to the last check planned again
     * @param waitedMillis from making them due to the first claim (the watch polls every 10 s)
     * @param heldBack     checks the per-server limit put off for a few seconds (each retried)
     * @param sent         the statements Plugboard sent meanwhile, if recorded, counted (kept as counts only, so the
     *                     heap measured after the sweep holds none of them)
     * @param listRunning  whether the sweep was still going when the list bursts ended
     */
    record Sweep(long millis, long waitedMillis, int heldBack, Tally sent, boolean listRunning) {
    }

    /**
     * Statements counted by who sent them and what they did.
     *
     * @param checks  status writes by the checks: one per check
     * @param byCheck sent by the check threads
     * @param all     sent by anyone
     * @param byGroup per sender ({@link #group}), per kind ({@link Statement#kind})
     */
    record Tally(long checks, long byCheck, long all, Map<String, Map<String, Long>> byGroup) {
        static Tally of(List<Statement> sent) {
            return new Tally(sent.stream().filter(s -> isCheck(s) && s.kind().equals("update integration")).count(),
                    sent.stream().filter(WatchSweepBenchmark::isCheck).count(), sent.size(),
                    sent.stream().collect(Collectors.groupingBy(WatchSweepBenchmark::group, TreeMap::new,
                            Collectors.groupingBy(Statement::kind, TreeMap::new, Collectors.counting()))));
        }
    }

    /** Makes the checks of {@code only} (or all) due now, and waits until each has run once. */
    Sweep sweep(String @Nullable [] only, boolean record, @Nullable Runnable during) {
        quiet();
        long requestsBefore = FEED_REQUESTS.get();
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String which = only == null ? "" : " and task_instance = any(?)";
        Object[] arguments = only == null ? new Object[] {Timestamp.from(due), WatchScheduler.CHECK}
                : new Object[] {Timestamp.from(due), WatchScheduler.CHECK, only};
        if (record) {
            statements.start();
        }
        long madeDue = System.nanoTime();
        int total = OBSERVER.update("update scheduled_tasks set execution_time = ? where task_name = ?" + which, arguments);
        while (remaining(due) == total && !anyPicked()) {
            pause(5);
        }
        long started = System.nanoTime();
        if (during != null) {
            during.run();
        }
        boolean listRunning = remaining(due) > 0;
        while (remaining(due) > 0) {
            pause(50);
        }
        long ended = System.nanoTime();
        Tally sent = Tally.of(record ? statements.stop() : List.of());
        int heldBack = OBSERVER.queryForObject("select count(*) from scheduled_tasks where task_name = ? and execution_time <> ?"
                + which, Integer.class, only == null ? new Object[] {WatchScheduler.CHECK, Timestamp.from(due.plus(INTERVAL))}
                : new Object[] {WatchScheduler.CHECK, Timestamp.from(due.plus(INTERVAL)), only});
        // each was checked: stored after it was due, and every feed fetched once
        assertThat(OBSERVER.queryForObject("select count(*) from integration where last_checked_at >= ?" + (only == null ? ""
                : " and id::text = any(?)"), Integer.class, only == null ? new Object[] {Timestamp.from(due)}
                : new Object[] {Timestamp.from(due), only})).isEqualTo(total);
        assertThat(FEED_REQUESTS.get() - requestsBefore).isEqualTo(only == null ? COUNT - mailboxes() : only.length / 2);
        return new Sweep((ended - started) / 1_000_000, (started - madeDue) / 1_000_000, heldBack, sent, listRunning);
    }

    int remaining(Instant due) {
        return OBSERVER.queryForObject("select count(*) from scheduled_tasks where task_name = ? and (picked or execution_time <= ?)",
                Integer.class, WatchScheduler.CHECK, Timestamp.from(due));
    }

    boolean anyPicked() {
        return Boolean.TRUE.equals(OBSERVER.queryForObject("select exists(select 1 from scheduled_tasks where task_name = ? and picked)",
                Boolean.class, WatchScheduler.CHECK));
    }

    /** No check running, none due for a day: the first checks of new integrations, spread over the interval, put off. */
    void quiet() {
        while (anyPicked()) {
            pause(50);
        }
        OBSERVER.update("update scheduled_tasks set execution_time = ? where task_name = ? and not picked",
                Timestamp.from(Instant.now().plus(Duration.ofDays(1))), WatchScheduler.CHECK);
        while (anyPicked()) {
            pause(50);
        }
    }

    // ---------------------------------------------------------------- the same work, bare

    private final OkHttpClient http = new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .dns(host -> List.of(loopback(host)))
            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)) // one connection per fetch, as the check
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(15))
            .build();

    /** The first {@code count} integrations' fetches and logins, on the pool; the wall-clock time in milliseconds. */
    long bare(ExecutorService pool, int count) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    if (index % 2 == 0) {
                        bareLogin(index);
                    } else {
                        bareFetch(index);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(failures.get()).as("failed bare fetches and logins").isZero();
        return millis;
    }

    /** What the IMAP check does, with Angus Mail alone: log in over TLS to the named host, count INBOX and folders. */
    void bareLogin(int i) throws Exception {
        String prefix = "mail.imaps";
        Properties properties = new Properties();
        properties.put(prefix + ".connectiontimeout", "5000");
        properties.put(prefix + ".timeout", "15000");
        properties.put(prefix + ".writetimeout", "15000");
        properties.put(prefix + ".socketFactory", SocketFactory.getDefault());
        properties.put(prefix + ".socketFactory.fallback", "false");
        properties.put(prefix + ".ssl.socketFactory", new NamedTls(TLS.clientSockets(), mailHost(i)));
        properties.put(prefix + ".ssl.checkserveridentity", "true");
        Store store = Session.getInstance(properties).getStore("imaps");
        store.connect("127.0.0.1", MAIL.getImaps().getPort(), address(i), PASSWORD);
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

    /** What the feed check does, with OkHttp and ical4j alone: fetch the feed, parse it. */
    void bareFetch(int i) throws Exception {
        try (Response response = http.newCall(new Request.Builder().url(feedUrl(i)).build()).execute()) {
            byte[] body = response.body().bytes();
            if (response.code() != 200 || new CalendarBuilder().build(new ByteArrayInputStream(body)).getComponents().isEmpty()) {
                throw new IllegalStateException("unexpected feed");
            }
        }
    }

    /** TLS layered over Angus Mail's connected socket, for the host name (SNI, certificate check), as the check does. */
    static final class NamedTls extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final String host;

        NamedTls(SSLSocketFactory tls, String host) {
            this.tls = tls;
            this.host = host;
        }

        @Override
        public Socket createSocket(Socket socket, String ignored, int port, boolean autoClose) throws IOException {
            SSLSocket layered = (SSLSocket) tls.createSocket(socket, host, port, autoClose);
            SSLParameters parameters = layered.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("LDAPS");
            parameters.setServerNames(List.of(new SNIHostName(host)));
            layered.setSSLParameters(parameters);
            return layered;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("layered only");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            throw new IOException("layered only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new IOException("layered only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            throw new IOException("layered only");
        }
    }

    // ---------------------------------------------------------------- /integration list

    /** From dispatch to the first callback, and to the list shown (the reply, or the edit after a deferral). */
    /** @param burstsStarted when each burst began, in milliseconds of the JVM's uptime (as in a GC log) */
    record Lists(List<Duration> acknowledged, List<Duration> shown, List<Long> burstsStarted) {
        Lists and(Lists other) {
            List<Duration> both = new ArrayList<>(acknowledged);
            both.addAll(other.acknowledged);
            List<Duration> shownBoth = new ArrayList<>(shown);
            shownBoth.addAll(other.shown);
            List<Long> started = new ArrayList<>(burstsStarted);
            started.addAll(other.burstsStarted);
            return new Lists(both, shownBoth, started);
        }
    }

    private int nextUser;

    /** {@code rounds} bursts of {@link #LIST_CONCURRENT} lists by different people, {@code pause} apart. */
    Lists lists(List<FakeUser> users, int rounds, Duration pause) {
        List<Duration> acknowledged = new ArrayList<>();
        List<Duration> shown = new ArrayList<>();
        List<Long> started = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            started.add(ManagementFactory.getRuntimeMXBean().getUptime());
            List<FakeInteraction> fired = new ArrayList<>();
            for (int i = 0; i < LIST_CONCURRENT; i++) {
                FakeUser user = users.get(nextUser++ % users.size());
                fired.add(discord.slash(user, "integration", "list", Map.of()));
            }
            for (FakeInteraction list : fired) {
                acknowledged.add(list.timeToFirstCallback());
                shown.add(list.awaitCallback().type() == Callback.DEFERRED_REPLY ? list.timeToFirstOriginalEdit()
                        : list.timeToFirstCallback());
            }
            pause(pause.toMillis());
        }
        return new Lists(acknowledged, shown, started);
    }

    static Duration percentile(List<Duration> times, double quantile) {
        List<Duration> sorted = times.stream().sorted().toList();
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    // ---------------------------------------------------------------- the report

    void report(List<String> lines, List<Long> bare, List<Sweep> sweeps, long heapBefore, List<Long> heap, Sweep loaded,
            long heapAfterLoaded, Lists without, Lists during) throws IOException {
        long bareTotal = bare.stream().mapToLong(Long::longValue).sum();
        long sweepTotal = sweeps.stream().mapToLong(Sweep::millis).sum();
        double ratio = sweepTotal / (double) bareTotal;
        lines.add(String.format(Locale.ROOT, "sweep time: bare %.1f s, watch %.1f s in all: ratio %.2f (target: at most 1.20) %s",
                bareTotal / 1000.0, sweepTotal / 1000.0, ratio, verdict(ratio <= 1.2)));
        lines.add(String.format(Locale.ROOT, "checks the per-server limit put off (retried a few seconds later): %s",
                sweeps.stream().map(sweep -> Integer.toString(sweep.heldBack())).collect(Collectors.joining(", "))));

        for (int round = 0; round < sweeps.size(); round++) {
            Tally sent = sweeps.get(round).sent();
            long checks = sent.checks();
            lines.add(String.format(Locale.ROOT, "statements in sweep %d: %,d for %,d checks: %.3f per check by the check itself "
                    + "(target: at most 3) %s; %.3f per check with the shared claims and housekeeping", round + 1, sent.all(),
                    checks, sent.byCheck() / (double) checks, verdict(sent.byCheck() <= 3 * checks), sent.all() / (double) checks));
            sent.byGroup().forEach((group, kinds) -> {
                long count = kinds.values().stream().mapToLong(Long::longValue).sum();
                lines.add(String.format(Locale.ROOT, "  %-28s %,7d = %.3f per check: %s", group, count, count / (double) checks,
                        kinds));
            });
        }

        StringBuilder heapLine = new StringBuilder(String.format(Locale.ROOT, "heap after a full GC: before the sweeps %.1f MB",
                heapBefore / 1e6));
        for (int round = 0; round < heap.size(); round++) {
            heapLine.append(String.format(Locale.ROOT, ", after sweep %d %.1f MB", round + 1, heap.get(round) / 1e6));
        }
        long drift = heap.get(heap.size() - 1) - heap.get(0);
        heapLine.append(String.format(Locale.ROOT, ", after the sweep with lists %.1f MB; first to last sweep %+.1f MB (%+.1f%%)",
                heapAfterLoaded / 1e6, drift / 1e6, 100.0 * drift / heap.get(0)));
        lines.add(heapLine.toString());

        lines.add(String.format(Locale.ROOT, "/integration list, %d at once, %d lists each way (sweep with lists: %.1f s, %s):",
                LIST_CONCURRENT, during.shown().size(), loaded.millis() / 1000.0,
                loaded.listRunning() ? "still running after the last burst" : "ENDED BEFORE THE LAST BURST: figures invalid"));
        lines.add(listLine("first callback", without.acknowledged(), during.acknowledged()));
        lines.add(listLine("list shown", without.shown(), during.shown()));
        lines.add("  slowest first callback in each burst of " + LIST_CONCURRENT + ", the 5 slowest bursts (and when they began, "
                + "JVM uptime): without a sweep " + slowestBursts(without) + "; during " + slowestBursts(during));

        Path out = Path.of("target", "bench", "watch-sweep.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    /** Each burst's slowest acknowledgement (they are in bursts of {@link #LIST_CONCURRENT}, in order): the 5 slowest. */
    private static String slowestBursts(Lists lists) {
        List<long[]> bursts = new ArrayList<>();
        List<Duration> times = lists.acknowledged();
        for (int start = 0, burst = 0; start < times.size(); start += LIST_CONCURRENT, burst++) {
            bursts.add(new long[] {times.subList(start, Math.min(times.size(), start + LIST_CONCURRENT)).stream()
                    .mapToLong(Duration::toMillis).max().orElse(0), lists.burstsStarted().get(burst)});
        }
        return bursts.stream().sorted(Comparator.comparingLong((long[] burst) -> burst[0]).reversed()).limit(5)
                .map(burst -> String.format(Locale.ROOT, "%d ms at %.1f s", burst[0], burst[1] / 1000.0))
                .collect(Collectors.joining(", "));
    }

    private static String listLine(String what, List<Duration> without, List<Duration> during) {
        Duration p99Without = percentile(without, 0.99);
        Duration p99During = percentile(during, 0.99);
        double ratio = p99During.toNanos() / (double) Math.max(1, p99Without.toNanos());
        return String.format(Locale.ROOT, "  %-15s without a sweep p50 %4d ms p99 %4d ms | during p50 %4d ms p99 %4d ms | "
                + "p99 ratio %.2f (target: at most 1.30) %s", what, percentile(without, 0.5).toMillis(), p99Without.toMillis(),
                percentile(during, 0.5).toMillis(), p99During.toMillis(), ratio, verdict(ratio <= 1.3));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    static boolean isCheck(Statement statement) {
        return statement.thread().startsWith("watch-check-");
    }

    /** Who sent a statement: a check (or a recurring task of the watch), db-scheduler claiming, or its housekeeping. */
    static String group(Statement statement) {
        String thread = statement.thread();
        if (isCheck(statement)) {
            return "on the check threads";
        }
        if (thread.startsWith("db-scheduler-execute-due")) {
            return "claims (db-scheduler)";
        }
        if (thread.startsWith("db-scheduler-housekeeper")) {
            return "heartbeats, dead claims";
        }
        return "other: " + thread.replaceAll("\\d+", "N");
    }

    // ---------------------------------------------------------------- the servers and their names

    static int mailboxes() {
        return (COUNT + 1) / 2;
    }

    static String address(int i) {
        return String.format(Locale.ROOT, "box%05d@bench.test", i);
    }

    static String mailHost(int i) {
        return String.format(Locale.ROOT, "mail-%02d%s", (i / 2) % HOSTS, DOMAIN);
    }

    static String feedUrl(int i) {
        return String.format(Locale.ROOT, "http://feeds-%02d%s:%d/feeds/%d.ics", (i / 2) % HOSTS, DOMAIN,
                FEEDS.getAddress().getPort(), i);
    }

    static IntegrationSettings settings(int i) {
        return i % 2 == 0
                ? new ImapSettings(address(i), Secret.of(PASSWORD), mailHost(i), MAIL.getImaps().getPort(),
                        ImapSecurity.IMPLICIT_TLS, null, null)
                : new CalendarFeedSettings(Secret.of(feedUrl(i)), null, null);
    }

    static InetAddress loopback(String host) throws java.net.UnknownHostException {
        return InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1});
    }

    static GreenMail startMail() {
        System.setProperty("greenmail.tls.keystore.file", TLS.server().toString());
        System.setProperty("greenmail.tls.keystore.password", BenchTls.PASSWORD);
        ServerSetup imaps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS);
        imaps.setServerStartupTimeout(10_000);
        GreenMail mail = new GreenMail(imaps);
        mail.start();
        return mail;
    }

    static HttpServer startFeeds() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/feeds/", exchange -> {
                FEED_REQUESTS.incrementAndGet();
                try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                    in.readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
                    exchange.sendResponseHeaders(200, FEED.length);
                    out.write(FEED);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA made for this run, and a certificate from it for {@code *.bench.test} (and localhost), with the JDK's keytool. */
    record BenchTls(Path server, Path trust, SSLSocketFactory clientSockets) {

        static final String PASSWORD = "changeit";

        static BenchTls make() {
            try {
                Path dir = Files.createTempDirectory("plugboard-bench-tls");
                Path ca = dir.resolve("ca.p12");
                Path caPem = dir.resolve("ca.pem");
                Path server = dir.resolve("server.p12");
                Path csr = dir.resolve("server.csr");
                Path pem = dir.resolve("server.pem");
                Path trust = dir.resolve("trust.p12");
                keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Plugboard Bench CA",
                        "-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign", "-startdate", "-1d", "-validity", "30",
                        "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
                keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-rfc", "-file",
                        caPem.toString());
                keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=bench.test",
                        "-validity", "30", "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
                keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD, "-file",
                        csr.toString());
                keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-infile", csr.toString(),
                        "-outfile", pem.toString(), "-rfc", "-startdate", "-1d", "-validity", "30",
                        "-ext", "SAN=dns:*" + DOMAIN + ",dns:localhost", "-ext", "eku=serverAuth", "-ext", "ku:c=digitalSignature");
                keytool("-importcert", "-alias", "ca", "-keystore", server.toString(), "-storepass", PASSWORD, "-file",
                        caPem.toString(), "-noprompt");
                keytool("-importcert", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD, "-file",
                        pem.toString());
                keytool("-importcert", "-alias", "bench-ca", "-keystore", trust.toString(), "-storetype", "PKCS12",
                        "-storepass", PASSWORD, "-file", caPem.toString(), "-noprompt");
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(trust)) {
                    store.load(in, PASSWORD.toCharArray());
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                return new BenchTls(server, trust, context.getSocketFactory());
            } catch (Exception e) {
                throw new IllegalStateException("could not make the benchmark's TLS files", e);
            }
        }

        private static void keytool(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        }
    }

    // ---------------------------------------------------------------- the machine

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            pause(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Live objects per class (a full GC first): instances and bytes. */
    static Map<String, long[]> histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            Map<String, long[]> classes = new java.util.HashMap<>();
            for (String line : text.split("\n")) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
            return classes;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** The classes whose live bytes grew most between two histograms. */
    static String growth(Map<String, long[]> first, Map<String, long[]> last) {
        return last.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), new long[] {
                        entry.getValue()[0] - first.getOrDefault(entry.getKey(), new long[2])[0],
                        entry.getValue()[1] - first.getOrDefault(entry.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(8)
                .map(entry -> String.format(Locale.ROOT, "%s %+,d (%+.2f MB)", entry.getKey(), entry.getValue()[0],
                        entry.getValue()[1] / 1e6))
                .collect(Collectors.joining("; "));
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
