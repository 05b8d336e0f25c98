package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.net.HostResolver;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.StatementLog;
import app.plugboard.testsupport.StatementLog.Statement;
import app.plugboard.testsupport.StubResolver;
import app.plugboard.testsupport.TestDatabase;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.user.GreenMailUser;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the watch costs the database, counted statement by statement (datasource-proxy, {@link StatementLog}):
 * the fast version of the checks of {@code bench/watch-sweep.sh}. Real feeds on a loopback server (each on a
 * host name of its own, so the per-server limit never holds a check back here) and real mailboxes on GreenMail.
 */
@SpringBootTest(properties = {"plugboard.watch.interval=30m", "plugboard.watch.poll-interval=1s",
        "plugboard.watch.per-host=8", "plugboard.network.allowed-ranges=127.0.0.0/8"})
@CleanDatabase
@Import({StatementLog.Beans.class, WatchCostTest.FeedHosts.class})
// its Plugboard's watch is on: closed afterwards, so it never checks another test's integrations
@DirtiesContext
@DisplayName("What a background check costs the database")
class WatchCostTest {

    static final UserId ALICE = new UserId(555_555_555_555_555_555L);
    static final int FEEDS = 25;
    static final int MAILBOXES = 25;
    static final String PASSWORD = "app-password";
    static final TestMailServer MAIL = TestMailServer.start();
    static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();
    /** While set, the feed server holds every answer until it opens (at most 10 s). */
    static volatile @Nullable CountDownLatch hold;
    static final LocalServer FEED_SERVER = LocalServer.http().on("/feeds/", exchange -> {
        FETCHES.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet();
        CountDownLatch wait = hold;
        if (wait != null) {
            try {
                wait.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics"));
    });

    @DynamicPropertySource
    static void trustTheTestMailServer(DynamicPropertyRegistry registry) {
        TestTls.trustedBy(registry);
    }

    /** Each feed on a host of its own: feed-0.watch.test, feed-1.watch.test... all on the loopback server. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FeedHosts {
        @Bean
        @Primary
        HostResolver feedHosts() {
            StubResolver resolver = new StubResolver().with("localhost", "127.0.0.1");
            for (int i = 0; i < FEEDS; i++) {
                resolver.with(feedHost(i), "127.0.0.1");
            }
            return resolver;
        }
    }

    @Autowired
    IntegrationService integrations;
    @Autowired
    StatementLog statements;
    @Autowired
    WatchProperties watch;
    @Autowired
    JdbcTemplate jdbc;
    /** The test's own questions to the database, past Plugboard's data source (they are not Plugboard's statements). */
    static final JdbcTemplate OBSERVER = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.get().url(),
            TestDatabase.get().username(), TestDatabase.get().password()));

    @AfterAll
    static void stopServers() {
        MAIL.close();
        FEED_SERVER.close();
    }

    @BeforeEach
    void forgetFetches() {
        FETCHES.clear();
        hold = null;
    }

    /**
     * The watch's first reconcile runs as the context starts, beside the test's cleaning of the database: it may plan
     * checks for integrations a test before left and the cleaning deleted (it did once in CI: one was claimed with this
     * test's checks and ended at once). Every test here starts with such a stray check, due within the interval, and
     * counts only its own integrations' checks.
     */
    @BeforeEach
    void strayCheck() {
        jdbc.update("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                values (?, ?, ?, false, 1)""", WatchScheduler.CHECK, UUID.randomUUID().toString(),
                Timestamp.from(Instant.now().plus(Duration.ofMinutes(10))));
    }

    @AfterEach
    void answer() {
        CountDownLatch wait = hold;
        if (wait != null) {
            wait.countDown();
        }
    }

    @Test
    @DisplayName("one check runs three statements: it reads the integration, stores what it found, plans the next check")
    void oneCheck() {
        // GIVEN a connected feed whose background check is due now
        IntegrationId family = integrations.create(ALICE, "Family", feed(0), CheckResult.connected("Connected")).id();
        Instant due = dueNow(List.of(family));

        // WHEN the watch checks it
        statements.start();
        awaitChecked(due);
        List<Statement> sent = statements.stop();

        // THEN the check's thread sent three statements, each about this integration, and nothing else did but the
        // scheduler claiming it
        assertThat(byCheck(sent)).extracting(Statement::kind)
                .containsExactly("select from integration", "update integration", "update scheduled_tasks");
        assertThat(byCheck(sent)).allSatisfy(statement -> assertThat(statement.parameters().stream().map(String::valueOf))
                .contains(family.toString()));
        assertThat(sent).filteredOn(statement -> !isCheck(statement))
                .allSatisfy(statement -> assertThat(statement.thread()).startsWith("db-scheduler-"));
        // AND the feed was fetched once, the status stored, the next check planned one interval after this one was due
        assertThat(FETCHES).containsOnlyKeys("/feeds/0.ics");
        assertThat(FETCHES.get("/feeds/0.ics")).hasValue(1);
        assertThat(jdbc.queryForMap("select status, last_checked_at from integration where id = ?", family.value()))
                .containsEntry("status", IntegrationStatus.CONNECTED.name())
                .hasEntrySatisfying("last_checked_at", checked -> assertThat(((Timestamp) checked).toInstant()).isAfter(due));
        assertThat(nextChecks(List.of(family))).containsOnly(due.plus(Duration.ofMinutes(30)));
    }

    @Test
    @DisplayName("a sweep of 50 integrations due at once (25 feeds, 25 mailboxes on GreenMail): each checked exactly "
            + "once, three statements per check, the claims shared by several checks")
    void sweep() {
        // GIVEN 25 feeds and 25 mailboxes, all connected, all of them due now
        List<IntegrationId> all = new ArrayList<>();
        Date date = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
        for (int i = 0; i < FEEDS; i++) {
            all.add(integrations.create(ALICE, "Feed " + i, feed(i), CheckResult.connected("Connected")).id());
        }
        for (int i = 0; i < MAILBOXES; i++) {
            String address = String.format(Locale.ROOT, "box%02d@example.com", i);
            GreenMailUser box = MAIL.user(address, PASSWORD);
            MAIL.deliver(box, "bob@example.com", "Hello", "Text", false, date);
            all.add(integrations.create(ALICE, "Mail " + i, new ImapSettings(address, Secret.of(PASSWORD), "localhost",
                    MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null), CheckResult.connected("Connected")).id());
        }
        Instant due = dueNow(all);

        // WHEN the watch sweeps them
        statements.start();
        awaitChecked(due);
        List<Statement> sent = statements.stop();

        // THEN every feed was fetched once, and every integration's status was stored once: each was checked once
        assertThat(FETCHES).hasSize(FEEDS).allSatisfy((path, count) -> assertThat(count).as(path).hasValue(1));
        Map<String, Long> stored = byCheck(sent).stream().filter(statement -> statement.kind().equals("update integration"))
                .collect(Collectors.groupingBy(WatchCostTest::integrationOf, Collectors.counting()));
        assertThat(stored).hasSize(all.size()).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        // AND each check sent three statements (read, store, plan the next), and the claims were fewer than the checks
        Map<String, Long> kinds = byCheck(sent).stream().collect(Collectors.groupingBy(Statement::kind, Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("select from integration", 50L, "update integration", 50L,
                "update scheduled_tasks", 50L));
        // (one statement claims up to twice as many as there are workers, the next batch as many as there are)
        assertThat(sent).filteredOn(statement -> !isCheck(statement)).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.thread()).startsWith("db-scheduler-execute-due"))
                .hasSizeLessThanOrEqualTo(all.size() / 4);
        // AND all are connected, checked after they were due, next checked one interval later
        assertThat(jdbc.queryForList("select status from integration", String.class)).hasSize(50)
                .containsOnly(IntegrationStatus.CONNECTED.name());
        assertThat(nextChecks(all)).hasSize(50).containsOnly(due.plus(Duration.ofMinutes(30)));
    }

    @Test
    @DisplayName("while every worker checks, as many checks again are claimed: a worker that finishes starts the next "
            + "at once, and a claim serves a worker's worth of checks")
    void claimsAhead() {
        // GIVEN 24 feeds due at once, on a server that holds its answers
        hold = new CountDownLatch(1);
        List<IntegrationId> feeds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            feeds.add(integrations.create(ALICE, "Feed " + i, feed(i), CheckResult.connected("Connected")).id());
        }
        Instant due = dueNow(feeds);

        // WHEN the watch starts on them
        // THEN one per worker is being checked and as many again are claimed, waiting; the rest stay in the database
        int claimed = 2 * watch.workers();
        await().atMost(Duration.ofSeconds(10)).until(() -> picked() == claimed);
        pause(Duration.ofMillis(300));
        assertThat(picked()).isEqualTo(claimed);
        assertThat(remaining(due)).isEqualTo(24);

        // WHEN the server answers THEN every feed is checked, once
        hold.countDown();
        awaitChecked(due);
        assertThat(FETCHES).hasSize(24).allSatisfy((path, count) -> assertThat(count).as(path).hasValue(1));
    }

    // ---------------------------------------------------------------- helpers

    static String feedHost(int i) {
        return "feed-" + i + ".watch.test";
    }

    static CalendarFeedSettings feed(int i) {
        return new CalendarFeedSettings(Secret.of("http://" + feedHost(i) + ":" + FEED_SERVER.port() + "/feeds/" + i + ".ics"),
                null, null);
    }

    /** Makes the background checks of {@code ids} due now (they were spread over the next interval); when that is. */
    Instant dueNow(List<IntegrationId> ids) {
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("update scheduled_tasks set execution_time = ? where task_name = ? and task_instance = any(?)",
                Timestamp.from(due), WatchScheduler.CHECK, instances(ids));
        return due;
    }

    static String[] instances(List<IntegrationId> ids) {
        return ids.stream().map(IntegrationId::toString).toArray(String[]::new);
    }

    void awaitChecked(Instant due) {
        await().atMost(Duration.ofSeconds(30)).until(() -> remaining(due) == 0);
    }

    /** Checks not yet run: claimed, or due by then. */
    static int remaining(Instant due) {
        return OBSERVER.queryForObject("select count(*) from scheduled_tasks where task_name = ? and (picked or execution_time <= ?)",
                Integer.class, WatchScheduler.CHECK, Timestamp.from(due));
    }

    static int picked() {
        return OBSERVER.queryForObject("select count(*) from scheduled_tasks where task_name = ? and picked", Integer.class,
                WatchScheduler.CHECK);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Instant> nextChecks(List<IntegrationId> ids) {
        return jdbc.queryForList("select execution_time from scheduled_tasks where task_name = ? and task_instance = any(?)",
                Timestamp.class, WatchScheduler.CHECK, instances(ids)).stream().map(Timestamp::toInstant).toList();
    }

    static boolean isCheck(Statement statement) {
        return statement.thread().startsWith("watch-check-");
    }

    static List<Statement> byCheck(List<Statement> sent) {
        return sent.stream().filter(WatchCostTest::isCheck).toList();
    }

    /** The integration a statement of a check is about: the one id among its parameters. */
    static String integrationOf(Statement statement) {
        return statement.parameters().stream().map(String::valueOf)
                .filter(value -> value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .findFirst().orElseThrow();
    }
}
