package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.PlugboardApplication;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.CheckTarget;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.TestClock;
import app.plugboard.testsupport.TestDatabase;
import app.plugboard.testsupport.TestKeys;
import app.plugboard.testsupport.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several Plugboards on one PostgreSQL, as in a deployment: whole application contexts started and stopped by
 * the test (no Discord; notices are recorded), sharing a database of their own and one clock the test moves.
 * The calendar feeds they check are real ones on a loopback server that counts each feed's requests.
 */
@DisplayName("Watching integrations with several Plugboards on one database")
class WatchClusterTest {

    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final String DATABASE = "plugboard_watch_cluster";
    static final UserId ALICE = new UserId(444_444_444_444_444_444L);
    static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();
    static final Set<String> MISSING = ConcurrentHashMap.newKeySet();
    static volatile @Nullable CountDownLatch hold;
    static final LocalServer FEEDS = LocalServer.http().on("/feeds/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        FETCHES.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
        CountDownLatch wait = hold;
        if (wait != null) {
            try {
                wait.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean missing = MISSING.contains(path);
        LocalServer.send(exchange, missing ? 404 : 200, "text/calendar",
                missing ? new byte[0] : CalendarParsingTest.resource("google-family.ics"));
    });

    final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /**
     * These Plugboards keep a database of their own: the application context of another test class whose watch
     * runs (Spring keeps it running until a test asks for another context) never sees their integrations.
     */
    @BeforeAll
    static void ownDatabase() {
        JdbcTemplate server = jdbc(TestDatabase.get().url());
        if (server.queryForObject("select count(*) from pg_database where datname = ?", Integer.class, DATABASE) == 0) {
            server.execute("create database " + DATABASE);
        }
    }

    @BeforeEach
    void emptyDatabase() {
        FETCHES.clear();
        MISSING.clear();
        hold = null;
        Recorded.NOTICES.clear();
        Recorded.FAIL_NEXT.set(0);
        Tables.truncateAll(jdbc());
    }

    @AfterEach
    void stopPlugboards() {
        hold = null;
        running.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopFeeds() {
        FEEDS.close();
    }

    @Test
    @DisplayName("two Plugboards on one database check each integration exactly once per interval between them")
    void twoPlugboardsOncePerInterval() {
        // GIVEN two Plugboards, and twenty feeds added through the first
        ConfigurableApplicationContext first = start(Map.of());
        ConfigurableApplicationContext second = start(Map.of());
        List<IntegrationView> feeds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            feeds.add(add(first, "Feed " + i, "/feeds/" + i + ".ics"));
        }

        // WHEN one interval passes, then another
        passTime(INTERVAL);
        Map<String, Integer> afterOne = fetches();
        passTime(INTERVAL);
        Map<String, Integer> afterTwo = fetches();

        // THEN every feed was fetched once in the first interval and once in the second, never twice at once
        assertThat(afterOne).hasSize(20).allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1));
        assertThat(afterTwo).hasSize(20).allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(2));
        // AND both Plugboards stored what they found: each integration is connected and checked
        IntegrationService integrations = second.getBean(IntegrationService.class);
        assertThat(integrations.list(ALICE)).hasSize(20).allSatisfy(view -> {
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(view.lastCheckedAt()).isNotNull();
        });
        assertThat(feeds).hasSize(20);
    }

    @Test
    @DisplayName("a Plugboard killed mid-check loses nothing: its claim goes stale and another takes the integration")
    void killedMidCheck() {
        // GIVEN a feed whose check was claimed by a Plugboard that then died (its claim's heartbeat stopped an hour ago)
        ConfigurableApplicationContext survivor = start(Map.of());
        IntegrationView feed = add(survivor, "Family", "/feeds/family.ics");
        jdbc().update("""
                update scheduled_tasks set picked = true, picked_by = 'killed-plugboard', last_heartbeat = ?,
                    execution_time = ? where task_name = ? and task_instance = ?""",
                Timestamp.from(TestClock.SHARED.instant().minus(Duration.ofHours(1))), Timestamp.from(TestClock.SHARED.instant()),
                WatchScheduler.CHECK, feed.id().toString());

        // WHEN the surviving Plugboard goes on THEN it finds the dead claim, checks the feed and plans its next check
        await().atMost(Duration.ofSeconds(20)).until(() -> fetches().getOrDefault("/feeds/family.ics", 0) == 1);
        passTime(Duration.ZERO);
        assertThat(jdbc().queryForMap("select picked, picked_by from scheduled_tasks where task_instance = ?",
                feed.id().toString())).containsEntry("picked", false).containsEntry("picked_by", null);
        assertThat(survivor.getBean(IntegrationService.class).get(ALICE, feed.id()).lastCheckedAt()).isNotNull();
    }

    @Test
    @DisplayName("a restart between breaking and recovering sends nothing twice: one notice each way")
    void restartSendsNothingTwice() {
        // GIVEN a feed checked by a Plugboard, that goes missing (404: an error at once)
        ConfigurableApplicationContext before = start(Map.of());
        IntegrationView feed = add(before, "Family", "/feeds/family.ics");
        MISSING.add("/feeds/family.ics");
        passTime(INTERVAL);
        await().atMost(Duration.ofSeconds(10)).until(() -> Recorded.NOTICES.size() == 1);

        // WHEN that Plugboard stops, another starts on the same database, and checks go on while it stays missing
        before.close();
        running.remove(before);
        ConfigurableApplicationContext after = start(Map.of());
        passTime(INTERVAL);
        passTime(INTERVAL);

        // THEN nobody was told again
        assertThat(Recorded.NOTICES).hasSize(1);
        assertThat(after.getBean(IntegrationService.class).get(ALICE, feed.id()).status()).isEqualTo(IntegrationStatus.ERROR);

        // WHEN the feed is back THEN exactly one more notice: it works again
        MISSING.clear();
        passTime(INTERVAL);
        passTime(INTERVAL);
        assertThat(Recorded.NOTICES).extracting(Recorded.Notice::text).containsExactly(
                Recorded.NOTICES.get(0).text(), "🟢 **Family** (Calendar) works again.");
        assertThat(Recorded.NOTICES.get(0).text()).startsWith("🔴 **Family** (Calendar) stopped working:");
    }

    @Test
    @DisplayName("integrations stored before the watch (or whose schedule was lost) get a first check, spread over the interval")
    void reconcilesUnscheduled() {
        // GIVEN twenty integrations without a scheduled check (as after the upgrade that brings the watch)
        ConfigurableApplicationContext plugboard = start(Map.of());
        for (int i = 0; i < 20; i++) {
            add(plugboard, "Feed " + i, "/feeds/" + i + ".ics");
        }
        jdbc().update("delete from scheduled_tasks where task_name = ?", WatchScheduler.CHECK);

        // WHEN the watch reconciles (every few minutes, and at start)
        int scheduled = plugboard.getBean(WatchScheduler.class).reconcile();

        // THEN each has its first check within the next interval, not all at one moment
        assertThat(scheduled).isEqualTo(20);
        List<Timestamp> times = jdbc().queryForList("select execution_time from scheduled_tasks where task_name = ?",
                Timestamp.class, WatchScheduler.CHECK);
        assertThat(times).hasSize(20).allSatisfy(time -> assertThat(time.toInstant())
                .isBetween(TestClock.SHARED.instant().minusSeconds(5), TestClock.SHARED.instant().plus(INTERVAL)));
        assertThat(Set.copyOf(times).size()).isGreaterThan(15);
        // AND a second round finds nothing left to do
        assertThat(plugboard.getBean(WatchScheduler.class).reconcile()).isZero();
    }

    @Test
    @DisplayName("after the upgrade that brings the watch, one round gives every integration its first check, however many")
    void reconcilesEveryOneInOneRound() {
        // GIVEN 1,200 integrations without a scheduled check (more than one batch of the round)
        ConfigurableApplicationContext plugboard = start(Map.of("plugboard.watch.interval", "1000h"));
        add(plugboard, "Feed", "/feeds/0.ics");
        jdbc().update("""
                insert into integration (id, owner_id, type, label, status, status_reason, last_checked_at, last_success_at,
                    settings, secrets, version, created_at, updated_at, failing_since, alert, alerts_muted)
                select gen_random_uuid(), owner_id, type, label || ' ' || n, status, status_reason, last_checked_at,
                    last_success_at, settings, secrets, version, created_at, updated_at, failing_since, alert, alerts_muted
                from integration, generate_series(1, 1199) n""");
        jdbc().update("delete from scheduled_tasks where task_name = ?", WatchScheduler.CHECK);

        // WHEN the watch reconciles
        int scheduled = plugboard.getBean(WatchScheduler.class).reconcile();

        // THEN each has its first check, and none is left for the next round
        assertThat(scheduled).isEqualTo(1_200);
        assertThat(jdbc().queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                WatchScheduler.CHECK)).isEqualTo(1_200);
        assertThat(plugboard.getBean(WatchScheduler.class).reconcile()).isZero();
    }

    @Test
    @DisplayName("a deleted integration's schedule ends at its next turn")
    void deletedEndsItsSchedule() {
        ConfigurableApplicationContext plugboard = start(Map.of());
        IntegrationView feed = add(plugboard, "Family", "/feeds/family.ics");
        plugboard.getBean(IntegrationService.class).delete(ALICE, feed.id(), feed.version());

        passTime(INTERVAL);

        assertThat(jdbc().queryForObject("select count(*) from scheduled_tasks where task_name = ?", Integer.class,
                WatchScheduler.CHECK)).isZero();
        assertThat(fetches()).isEmpty();
    }

    @Test
    @DisplayName("a server with its share of checks (PLUGBOARD_WATCH_PER_HOST) gets no more: the next waits a little, no worker blocks")
    void perHostLimit() throws Exception {
        // GIVEN one check at a time per server, two workers, and two feeds on one server; the server holds answers
        ConfigurableApplicationContext plugboard = start(Map.of("plugboard.watch.per-host", "1", "plugboard.watch.workers", "2"));
        IntegrationView one = add(plugboard, "One", "/feeds/one.ics");
        IntegrationView two = add(plugboard, "Two", "/feeds/two.ics");
        hold = new CountDownLatch(1);

        // WHEN both are due at once
        TestClock.SHARED.advance(INTERVAL);

        // THEN one reaches the server, and the other is put back a few seconds without asking it
        await().atMost(Duration.ofSeconds(10)).until(() -> fetches().size() == 1 && jdbc().queryForObject(
                "select count(*) from scheduled_tasks where task_name = ? and not picked and execution_time > ?",
                Integer.class, WatchScheduler.CHECK, Timestamp.from(TestClock.SHARED.instant())) == 1);
        assertThat(fetches()).hasSize(1);

        // WHEN the server answers, and the second's turn comes THEN it is checked too
        hold.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> { // it comes back within seconds, once the first is done
            passTime(Duration.ofSeconds(11));
            return fetches().size() == 2;
        });
        assertThat(fetches()).containsOnlyKeys("/feeds/one.ics", "/feeds/two.ics");
        assertThat(List.of(one, two)).allSatisfy(view -> assertThat(plugboard.getBean(IntegrationService.class)
                .get(ALICE, view.id()).lastCheckedAt()).isNotNull());
    }

    @Test
    @DisplayName("a Plugboard that starts after checks fell due (it was stopped for hours) spreads them, instead of running all at once")
    void startAfterAStopSpreadsWhatFellDue() {
        // GIVEN twenty feeds, each checked once, and then no Plugboard runs for three hours
        ConfigurableApplicationContext before = start(Map.of());
        for (int i = 0; i < 20; i++) {
            add(before, "Feed " + i, "/feeds/" + i + ".ics");
        }
        passTime(INTERVAL);
        before.close();
        running.remove(before);
        FETCHES.clear();
        TestClock.SHARED.advance(Duration.ofHours(3));

        // WHEN a Plugboard starts
        start(Map.of());

        // THEN what fell due is spread over the next interval (the most they waited): only a few are due at once
        List<Timestamp> times = jdbc().queryForList("select execution_time from scheduled_tasks where task_name = ?",
                Timestamp.class, WatchScheduler.CHECK);
        assertThat(times).hasSize(20).allSatisfy(time -> assertThat(time.toInstant())
                .isBetween(TestClock.SHARED.instant().minusSeconds(10), TestClock.SHARED.instant().plus(INTERVAL)));
        assertThat(times.stream().filter(time -> time.toInstant().isAfter(TestClock.SHARED.instant().plusSeconds(60))))
                .hasSizeGreaterThanOrEqualTo(15);
        assertThat(fetches().size()).isLessThan(5);
        // AND within that interval each is checked once
        passTime(INTERVAL);
        assertThat(fetches()).hasSize(20).allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1));
    }

    @Test
    @DisplayName("PLUGBOARD_WATCH_INTERVAL=0 turns the watch off: nothing is scheduled or checked, the list shows no next check")
    void watchOff() {
        // GIVEN a Plugboard with the watch off, and a feed that then goes missing
        ConfigurableApplicationContext plugboard = start(Map.of("plugboard.watch.interval", "0"));
        IntegrationView feed = add(plugboard, "Family", "/feeds/family.ics");
        MISSING.add("/feeds/family.ics");

        // WHEN hours pass
        TestClock.SHARED.advance(Duration.ofHours(3));
        WatchScheduler scheduler = plugboard.getBean(WatchScheduler.class);

        // THEN nothing was scheduled or fetched, nobody was told, and the status is what the last check found
        assertThat(scheduler.on()).isFalse();
        assertThat(scheduler.reconcile()).isZero();
        assertThat(jdbc().queryForObject("select count(*) from scheduled_tasks", Integer.class)).isZero();
        assertThat(fetches()).isEmpty();
        assertThat(Recorded.NOTICES).isEmpty();
        IntegrationService integrations = plugboard.getBean(IntegrationService.class);
        assertThat(integrations.get(ALICE, feed.id()).status()).isEqualTo(IntegrationStatus.CONNECTED);
        // AND the list says when it was checked, but no next check
        String list = reply(plugboard, "list", Map.of()).cards().get(0).entries().get(0).value();
        assertThat(list).contains("Calendar · connected · checked 3 hours ago").doesNotContain("next check");

        // WHEN she checks it herself THEN that still works, and she sees it in the reply (not in a message)
        String checked = reply(plugboard, "check", Map.of("integration", feed.id().toString())).text();
        assertThat(checked).contains("Checked just now");
        assertThat(integrations.get(ALICE, feed.id()).status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(fetches()).containsOnlyKeys("/feeds/family.ics");
        assertThat(Recorded.NOTICES).isEmpty();
    }

    @Test
    @DisplayName("background checks run on their own pool of PLUGBOARD_WATCH_WORKERS threads, never more at once")
    void ownBoundedPool() {
        // GIVEN a Plugboard with two watch workers (and room for eight checks per server), and six feeds that hold answers
        ConfigurableApplicationContext plugboard = start(Map.of("plugboard.watch.workers", "2"));
        for (int i = 0; i < 6; i++) {
            add(plugboard, "Feed " + i, "/feeds/" + i + ".ics");
        }
        hold = new CountDownLatch(1);

        // WHEN all fall due at once
        TestClock.SHARED.advance(INTERVAL);

        // THEN two checks run, on the watch's threads, and the others wait for them
        await().atMost(Duration.ofSeconds(10)).until(() -> fetches().size() == 2);
        assertThat(WatchTest.threadsRunningChecks()).hasSize(2)
                .allSatisfy(thread -> assertThat(thread.getName()).startsWith("watch-check-"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> fetches().size() == 2);

        // WHEN the server answers THEN all six are checked, each once
        hold.countDown();
        passTime(Duration.ZERO);
        assertThat(fetches()).hasSize(6).allSatisfy((path, count) -> assertThat(count).as(path).isEqualTo(1));
    }

    @Test
    @DisplayName("a notice the chat could not take (no answer) is sent again by the watch a minute later, and shows once")
    void failedNoticeIsSentAgain() {
        // GIVEN a feed that goes missing, and a chat that fails to take the next message
        ConfigurableApplicationContext plugboard = start(Map.of());
        IntegrationView feed = add(plugboard, "Family", "/feeds/family.ics");
        MISSING.add("/feeds/family.ics");
        Recorded.FAIL_NEXT.set(1);

        // WHEN its check finds it broken
        TestClock.SHARED.advance(INTERVAL);
        await().atMost(Duration.ofSeconds(20)).until(() -> Recorded.FAIL_NEXT.get() == 0 && jdbc().queryForObject(
                "select attempts from integration_notice", Integer.class) == 1);

        // THEN nothing reached the owner yet, and the notice waits a minute for its next attempt
        assertThat(Recorded.NOTICES).isEmpty();
        assertThat(jdbc().queryForMap("select outcome, not_before from integration_notice")).containsEntry("outcome", null)
                .hasEntrySatisfying("not_before", notBefore -> assertThat(((Timestamp) notBefore).toInstant())
                        .isAfter(TestClock.SHARED.instant().plusSeconds(50)));

        // WHEN a minute (and the watch's round over unsent notices) passes
        passTime(Duration.ofMinutes(2));

        // THEN it reached the owner once, and is marked delivered after two attempts
        assertThat(Recorded.NOTICES).singleElement().satisfies(notice ->
                assertThat(notice.text()).startsWith("🔴 **Family** (Calendar) stopped working:"));
        assertThat(jdbc().queryForList("select outcome || ' ' || attempts from integration_notice", String.class))
                .containsExactly("DELIVERED 2");
        assertThat(plugboard.getBean(IntegrationService.class).get(ALICE, feed.id()).status()).isEqualTo(IntegrationStatus.ERROR);
    }

    @Test
    @DisplayName("two checks that find the same break at the same time (two Plugboards, or one and a renewal) tell the owner once")
    void sameBreakFoundTwiceToldOnce() {
        // GIVEN a connected feed, read by two checks before either stored what it found
        ConfigurableApplicationContext plugboard = start(Map.of("plugboard.watch.interval", "0"));
        IntegrationService integrations = plugboard.getBean(IntegrationService.class);
        IntegrationView feed = add(plugboard, "Family", "/feeds/family.ics");
        CheckTarget first = integrations.checkTarget(feed.id()).orElseThrow();
        CheckTarget second = integrations.checkTarget(feed.id()).orElseThrow();

        // WHEN both store that it is gone
        CheckResult gone = CheckResult.error("The address answers 404 (not found): paste the current one.", null);
        assertThat(integrations.recordBackgroundCheck(first, gone)).isTrue();
        assertThat(integrations.recordBackgroundCheck(second, gone)).isTrue();

        // THEN it is an error, and there is one notice, sent once
        assertThat(integrations.get(ALICE, feed.id()).status()).isEqualTo(IntegrationStatus.ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> Recorded.NOTICES.size() == 1);
        assertThat(jdbc().queryForList("select change || ' ' || outcome from integration_notice", String.class))
                .containsExactly("BROKEN DELIVERED");
        assertThat(Recorded.NOTICES).hasSize(1);
    }

    // ---------------------------------------------------------------- a Plugboard, and what it found

    ConfigurableApplicationContext start(Map<String, String> extra) {
        TestDatabase database = TestDatabase.get();
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.datasource.url", url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "plugboard.encryption.key", TestKeys.CURRENT,
                "plugboard.data-dir", temporaryDirectory(),
                "plugboard.console.enabled", "false",
                "plugboard.network.allowed-ranges", "127.0.0.0/8",
                "server.port", "0"));
        properties.putAll(Map.of(
                "plugboard.watch.interval", "30m",
                "plugboard.watch.poll-interval", "50ms",
                "plugboard.watch.heartbeat", "200ms",
                "plugboard.watch.workers", "4",
                "plugboard.watch.per-host", "8"));
        properties.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlugboardApplication.class, Recorded.class)
                .initializers(application -> application.getBeanFactory()
                        .registerSingleton("onlyMainClasses", new OnlyMainClasses()))
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
        running.add(context);
        return context;
    }

    static IntegrationView add(ConfigurableApplicationContext plugboard, String label, String path) {
        return plugboard.getBean(IntegrationService.class).create(ALICE, label, new CalendarFeedSettings(
                Secret.of("http://127.0.0.1:" + FEEDS.port() + path), null, null), CheckResult.connected("Connected"));
    }

    /** Moves the clock on, then waits until every check due by then ran (on whichever Plugboard) and notices went out. */
    static void passTime(Duration duration) {
        TestClock.SHARED.advance(duration);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc().queryForObject("""
                select (select count(*) from scheduled_tasks where task_name = ? and (picked or execution_time <= ?))
                     + (select count(*) from integration_notice where outcome is null)""",
                Integer.class, WatchScheduler.CHECK, Timestamp.from(TestClock.SHARED.instant())) == 0);
    }

    /** What the chat answers the person to {@code /integration <subcommand>}, as the terminal or Discord would show it. */
    static Message reply(ConfigurableApplicationContext plugboard, String subcommand, Map<String, String> options) {
        Response response = plugboard.getBean(ChatRouter.class).handle(new ChatEvent.Command(ALICE, "integration", subcommand,
                options));
        return response instanceof Response.Later later ? later.work().get() : ((Response.Reply) response).message();
    }

    static Map<String, Integer> fetches() {
        Map<String, Integer> counts = new HashMap<>();
        FETCHES.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    static JdbcTemplate jdbc() {
        return jdbc(url());
    }

    static JdbcTemplate jdbc(String url) {
        TestDatabase database = TestDatabase.get();
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, database.username(),
                database.password()));
    }

    /** This test's own database, beside the test JVM's one, on the same server. */
    static String url() {
        return TestDatabase.get().url().replace("/plugboard_test", "/" + DATABASE);
    }

    static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("plugboard-cluster").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test's clock, and a chat that records its notices (these Plugboards run neither Discord nor a terminal). */
    @Configuration(proxyBeanMethods = false)
    static class Recorded {

        record Notice(UserId user, String text, String onceKey) {
        }

        static final List<Notice> NOTICES = new CopyOnWriteArrayList<>();
        /** How many of the next messages the chat fails to take (as when Discord does not answer). */
        static final AtomicInteger FAIL_NEXT = new AtomicInteger();

        @Bean
        @Primary
        TestClock testClock() {
            return TestClock.SHARED;
        }

        @Bean
        Notifier recordingNotifier() {
            return new Notifier() {
                @Override
                public void notify(UserId user, Message message, @Nullable String replyKey) {
                    NOTICES.add(new Notice(user, message.text(), ""));
                }

                @Override
                public Delivery send(UserId user, Message message, String onceKey) {
                    if (FAIL_NEXT.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        return Delivery.FAILED;
                    }
                    NOTICES.add(new Notice(user, message.text(), onceKey));
                    return Delivery.DELIVERED;
                }
            };
        }
    }

    /** Leaves the test classes out of these Plugboards' component scan: they run what production runs, plus {@link Recorded}. */
    static final class OnlyMainClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnlyMainClasses;
        }

        @Override
        public int hashCode() {
            return OnlyMainClasses.class.hashCode();
        }
    }

    static IntegrationId idOf(IntegrationView view) {
        return view.id();
    }
}
