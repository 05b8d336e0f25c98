package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.testsupport.Tables;
import app.plugboard.testsupport.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not part of {@code verify} (run it with {@code bench/capacity.sh}). How many background checks a second one
 * Plugboard sustains with its default pools ({@code PLUGBOARD_WATCH_WORKERS} 8, {@code PLUGBOARD_WATCH_PER_HOST} 4,
 * {@code PLUGBOARD_WATCH_POLL_INTERVAL} 10 s): {@code bench.count} calendar feeds, all due at once, checked by the
 * real watch (db-scheduler, the per-server permits, the probe, storing the status and the next time), against a
 * loopback feed server that answers after {@code bench.latency} ms. Feeds spread over 50 servers (the workers
 * limit), then all on one server (as every Gmail or Outlook integration is: the per-server limit); other spreads
 * with {@code bench.servers} (default {@code 50,1}). Then, with {@code bench.spread} ({@code SERVERS@RATE,...}),
 * rounds as in normal running: the checks come due one after another at that rate, and the round tells how late
 * they ran.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"plugboard.watch.interval=30m", "plugboard.network.allowed-ranges=127.0.0.0/8"})
@Import(TestClock.Beans.class)
@DisplayName("Benchmark: background checks a second, one Plugboard, default pools")
class WatchCapacityBenchmark {

    static final int COUNT = Integer.getInteger("bench.count", 600);
    static final int LATENCY_MILLIS = Integer.getInteger("bench.latency", 0);
    static final UserId OWNER = new UserId(424_242L);
    static final AtomicInteger FETCHES = new AtomicInteger();
    static final AtomicLong FIRST_FETCH = new AtomicLong();
    static final AtomicLong LAST_FETCH = new AtomicLong();
    /** The first fetch of each feed in the round, by its number. */
    static final java.util.Map<Integer, Long> FETCHED_AT = new java.util.concurrent.ConcurrentHashMap<>();
    static final HttpServer FEEDS = feeds();

    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    @AfterAll
    static void stopFeeds() {
        FEEDS.stop(0);
    }

    @Test
    @DisplayName("checks a second: feeds on 50 servers, then all on one server")
    void capacity() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine: %d cores, %s; load average %.1f at start; %d feeds, server latency %d ms",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                loadAverage(), COUNT, LATENCY_MILLIS));
        lines.forEach(System.out::println);
        round("warm-up (50 servers)", 50);
        for (String servers : System.getProperty("bench.servers", "50,1").split(",")) {
            if (servers.isBlank()) {
                continue;
            }
            int count = Integer.parseInt(servers.trim());
            String line = round(count == 1 ? "one server (per-server bound)" : count + " servers (workers bound)", count);
            System.out.println(line);
            lines.add(line);
        }
        for (String spread : System.getProperty("bench.spread", "").split(",")) {
            if (!spread.isBlank()) {
                String[] serversAtRate = spread.trim().split("@");
                String line = steady(Integer.parseInt(serversAtRate[0]), Double.parseDouble(serversAtRate[1]));
                System.out.println(line);
                lines.add(line);
            }
        }
        Path file = Path.of("target", "benchmarks", "watch-capacity.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private String round(String name, int servers) throws InterruptedException {
        setUp(servers);
        // every check due now
        FETCHES.set(0);
        FIRST_FETCH.set(0);
        jdbc.update("update scheduled_tasks set execution_time = ? where task_name = 'integration-check'",
                java.sql.Timestamp.from(clock.instant().minusSeconds(1)));
        double loadBefore = loadAverage();
        long due = System.nanoTime();
        long deadline = due + Duration.ofMinutes(30).toNanos();
        while (FETCHES.get() < COUNT || stillDue() > 0) {
            assertThat(System.nanoTime()).as("all checks done").isLessThan(deadline);
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        double seconds = (LAST_FETCH.get() - FIRST_FETCH.get()) / 1e9;
        return String.format(Locale.ROOT, "%-32s %d checks: first picked up %.1f s after due, all done %.1f s after due; "
                        + "%.1f checks/s between first and last (load average %.1f before, %.1f after)", name, COUNT,
                (FIRST_FETCH.get() - due) / 1e9, (done - due) / 1e9, (COUNT - 1) / seconds, loadBefore, loadAverage());
    }

    /**
     * As in normal running: the checks come due one after another, {@code perSecond} a second (feed i at
     * {@code i / perSecond} s), on {@code servers} servers. Kept up when they run soon after they are due (the
     * watch looks for due checks every 10 s); it falls behind when the lateness keeps growing.
     */
    private String steady(int servers, double perSecond) throws InterruptedException {
        setUp(servers);
        FETCHES.set(0);
        FETCHED_AT.clear();
        double loadBefore = loadAverage();
        java.time.Instant start = clock.instant().plusSeconds(2);
        long startNanos = System.nanoTime() + 2_000_000_000L;
        jdbc.update("""
                update scheduled_tasks t set execution_time = ?::timestamptz + make_interval(secs => n.number / ?::float8)
                from (select id::text as instance, substring(label from 6)::int as number from integration) n
                where t.task_name = 'integration-check' and t.task_instance = n.instance""",
                java.sql.Timestamp.from(start), perSecond);
        long deadline = startNanos + (long) (COUNT / perSecond * 1e9) + Duration.ofMinutes(10).toNanos();
        while (FETCHES.get() < COUNT) {
            assertThat(System.nanoTime()).as("all checks done").isLessThan(deadline);
            Thread.sleep(100);
        }
        List<Double> late = new ArrayList<>();
        List<Double> lastTenth = new ArrayList<>();
        FETCHED_AT.forEach((number, at) -> {
            double seconds = (at - startNanos) / 1e9 - number / perSecond;
            late.add(seconds);
            if (number >= COUNT * 9 / 10) {
                lastTenth.add(seconds);
            }
        });
        java.util.Collections.sort(late);
        java.util.Collections.sort(lastTenth);
        return String.format(Locale.ROOT, "%-32s %d checks due %.1f a second: late by p50 %.1f s, p99 %.1f s, max %.1f s; "
                        + "the last tenth p50 %.1f s -> %s (load average %.1f before, %.1f after)",
                (servers == 1 ? "one server" : servers + " servers") + ", spread", COUNT, perSecond,
                quantile(late, 0.5), quantile(late, 0.99), late.get(late.size() - 1), quantile(lastTenth, 0.5),
                quantile(late, 0.99) <= 15 ? "kept up" : "FELL BEHIND", loadBefore, loadAverage());
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }

    /** {@code COUNT} calendar feeds of one owner on {@code servers} servers, each with its check planned. */
    private void setUp(int servers) throws InterruptedException {
        Tables.truncateAll(jdbc);
        for (int i = 0; i < COUNT; i++) {
            String url = "http://127.0.0." + (1 + i % servers) + ":" + FEEDS.getAddress().getPort() + "/feeds/" + i + ".ics";
            integrations.create(OWNER, "Feed " + i, new CalendarFeedSettings(Secret.of(url), null, null));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (scheduled() < COUNT) {
            assertThat(System.nanoTime()).as("every feed scheduled").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The machine's load average over the last minute: other work on the machine competes for its cores. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private int scheduled() {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'integration-check'", Integer.class);
    }

    private int stillDue() {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'integration-check' "
                + "and (picked or execution_time <= ?)", Integer.class, java.sql.Timestamp.from(clock.instant()));
    }

    private static HttpServer feeds() {
        try {
            byte[] body = CalendarParsingTest.resource("google-family.ics");
            HttpServer server = HttpServer.create(new InetSocketAddress(0), 200);
            ExecutorService pool = Executors.newFixedThreadPool(64);
            server.setExecutor(pool);
            server.createContext("/feeds/", exchange -> {
                try (exchange) {
                    if (LATENCY_MILLIS > 0) {
                        Thread.sleep(LATENCY_MILLIS);
                    }
                    long now = System.nanoTime();
                    FIRST_FETCH.compareAndSet(0, now);
                    LAST_FETCH.set(now);
                    FETCHES.incrementAndGet();
                    String path = exchange.getRequestURI().getPath();
                    FETCHED_AT.putIfAbsent(Integer.valueOf(path.substring(path.lastIndexOf('/') + 1, path.length() - 4)), now);
                    exchange.getResponseHeaders().set("Content-Type", "text/calendar");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
