package app.plugboard.watch;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.discord.fake.RecordedRequest;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.TestClock;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.user.GreenMailUser;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The watch with everything real behind it: GreenMail for a mailbox, a loopback HTTP server for a calendar
 * feed, the fake Discord for the direct messages, PostgreSQL for the schedule, and a clock the test moves:
 * half an hour passes in an instant, and the Plugboard's db-scheduler (polling every 50 ms) runs what is due.
 */
@DiscordTest(properties = {"plugboard.watch.interval=30m", "plugboard.watch.poll-interval=50ms",
        "plugboard.watch.heartbeat=1s", "plugboard.network.allowed-ranges=127.0.0.0/8"})
@Import({TestClock.Beans.class, WatchTest.PeopleWaiting.class})
// its Plugboard's watch runs on the test clock: closed afterwards, so it never checks another test's integrations
@DirtiesContext
@DisplayName("Watching integrations, end to end")
class WatchTest {

    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final TestMailServer MAIL = TestMailServer.start();
    static final AtomicInteger FEED_STATUS = new AtomicInteger(200);
    static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
    static volatile CountDownLatch hold = new CountDownLatch(0);
    static final LocalServer FEEDS = LocalServer.http().on("/family.ics", exchange -> {
        if (PeopleWaiting.waiting.getCount() > 0) {
            PeopleWaiting.EVENTS.add("fetched /family.ics");
        }
        MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
        try {
            hold.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
        int status = FEED_STATUS.get();
        LocalServer.send(exchange, status, "text/calendar",
                status == 200 ? CalendarParsingTest.resource("google-family.ics") : new byte[0]);
    });

    @DynamicPropertySource
    static void trustTheTestMailServer(DynamicPropertyRegistry registry) {
        TestTls.trustedBy(registry);
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notices notices;
    @Autowired
    WatchScheduler scheduler;
    @Autowired
    TestClock clock;
    @Autowired
    MeterRegistry meters;

    FakeUser alice;

    @AfterAll
    static void stopServers() {
        MAIL.close();
        FEEDS.close();
    }

    @BeforeEach
    void feedWorks() {
        FEED_STATUS.set(200);
        MOST_IN_FLIGHT.set(0);
    }

    @AfterEach
    void feedAnswers() {
        hold.countDown();
        PeopleWaiting.waiting.countDown();
    }

    @Test
    @DisplayName("a changed mailbox password: one direct message with Check now, Edit and Mute; none more while it stays "
            + "broken, across a restart and a re-send after a crash; fixed: one 'works again'")
    void passwordChanged() {
        // GIVEN Alice's mailbox on GreenMail, connected, and checked once in the background
        GreenMailUser box = MAIL.user("alice@example.com", "app-password-1");
        IntegrationView work = integrations.create(id(alice), "Work mail", mailbox("alice@example.com", "app-password-1"),
                CheckResult.connected("Connected"));
        passTime(INTERVAL);
        assertThat(status(work)).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(discord.directMessagesTo(alice)).isEmpty();

        // WHEN the password changes at the server and the next check comes
        box.setPassword("app-password-2");
        passTime(INTERVAL);

        // THEN it is an error at once, and Alice gets one direct message saying so, in the list's words, with the fixes
        assertThat(status(work)).isEqualTo(IntegrationStatus.ERROR);
        FakeMessage broken = discord.directMessagesTo(alice).get(0);
        assertThat(discord.directMessagesTo(alice)).hasSize(1);
        assertThat(broken.content()).startsWith("🔴 **Work mail** (IMAP mail) stopped working:")
                .contains(integrations.get(id(alice), work.id()).statusReason());
        assertThat(labels(broken)).containsExactly("Check now", "Edit", "Mute alerts");

        // WHEN it stays broken for another interval, the scheduler restarts (nothing in memory survives), and the
        // notice is sent again as if its Plugboard had stopped between sending it and marking it sent
        passTime(INTERVAL);
        scheduler.stop();
        scheduler.start();
        passTime(INTERVAL);
        jdbc.update("update integration_notice set outcome = null, outcome_at = null, not_before = ?",
                Timestamp.from(clock.instant()));
        assertThat(notices.sendDue()).isEqualTo(1);

        // THEN Discord was asked twice for that notice, under one nonce, and Alice still has one message
        assertThat(postsTo(alice)).hasSize(2).extracting(post -> post.body().path("nonce").asString())
                .containsOnly(postsTo(alice).get(0).body().path("nonce").asString());
        assertThat(discord.directMessagesTo(alice)).hasSize(1);
        assertThat(status(work)).isEqualTo(IntegrationStatus.ERROR);

        // WHEN she clicks Check now in the message THEN it shows the check's outcome in place
        String checked = discord.button(alice, broken.button("Check now").path("custom_id").asString(), broken)
                .awaitMessage(m -> m.text().contains("Checked just now")).text();
        assertThat(checked).contains("⚠️ Checked just now:", "Work mail");
        // AND Edit in the message opens the choices of /integration edit
        assertThat(discord.button(alice, broken.button("Edit").path("custom_id").asString(), broken)
                .awaitMessage(m -> m.content().startsWith("What would you like")).content())
                .startsWith("What would you like to change about **Work mail** (IMAP mail)?");

        // WHEN the password is set back and the next check comes
        box.setPassword("app-password-1");
        passTime(INTERVAL);
        passTime(INTERVAL);

        // THEN one more message: it works again; and the stored notices are those two, both delivered
        assertThat(status(work)).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(discord.directMessagesTo(alice)).hasSize(2).last().extracting(FakeMessage::content)
                .isEqualTo("🟢 **Work mail** (IMAP mail) works again.");
        assertThat(jdbc.queryForList("select change, outcome from integration_notice order by created_at"))
                .containsExactly(Map.of("change", "BROKEN", "outcome", "DELIVERED"),
                        Map.of("change", "RECOVERED", "outcome", "DELIVERED"));
    }

    @Test
    @DisplayName("a feed answering 503 is 'failing', checked again after 5, 10, 20 minutes, and reported only once the "
            + "grace period (2 h) passed; the list and the detail view show failing since, last success and the next check")
    void failingFeed() {
        // GIVEN Alice's calendar feed, connected and checked once
        IntegrationView family = integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
        passTime(INTERVAL);
        assertThat(status(family)).isEqualTo(IntegrationStatus.CONNECTED);

        // WHEN the server answers 503 at the next check
        FEED_STATUS.set(503);
        passTime(INTERVAL);

        // THEN it is failing, nobody is told, and it is checked again in 5 minutes
        assertThat(status(family)).isEqualTo(IntegrationStatus.FAILING);
        assertThat(nextCheck(family)).isBetween(clock.instant().plus(Duration.ofMinutes(5)).minusSeconds(5),
                clock.instant().plus(Duration.ofMinutes(5)).plusSeconds(5));
        Instant failingSince = integrations.get(id(alice), family.id()).failingSince();
        assertThat(failingSince).isNotNull();
        // AND the list says since when it fails, its last success and the next check
        String list = discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Family")).text();
        assertThat(list).contains("failing for less than a minute", "last success 30 minutes ago", "next check in 5 minutes");

        // WHEN the checks after it fail too THEN each waits twice as long as the one before: 10, then 20 minutes
        passTime(Duration.ofMinutes(5));
        assertThat(nextCheck(family)).isBetween(clock.instant().plus(Duration.ofMinutes(10)).minusSeconds(5),
                clock.instant().plus(Duration.ofMinutes(10)).plusSeconds(5));
        passTime(Duration.ofMinutes(10));
        assertThat(nextCheck(family)).isBetween(clock.instant().plus(Duration.ofMinutes(20)).minusSeconds(5),
                clock.instant().plus(Duration.ofMinutes(20)).plusSeconds(5));
        // AND the detail view says since when it fails, its last success and the next check
        FakeMessage listed = discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Family"));
        String detail = discord.select(alice, listed.selectCustomIds().get(0), List.of(family.id().toString()), listed)
                .awaitMessage(m -> m.text().contains("Failing since")).text();
        assertThat(detail).contains("Last checked\njust now", "Last success\n45 minutes ago", "Failing since\n" + SINCE.format(failingSince)
                + " (15 minutes)", "Next check\nin 20 minutes", "Alerts\na direct message when it breaks or recovers");
        assertThat(status(family)).isEqualTo(IntegrationStatus.FAILING);

        // WHEN it keeps failing for almost two hours THEN still nobody is told
        passTime(Duration.ofMinutes(20));
        passTime(Duration.ofMinutes(30));
        passTime(Duration.ofMinutes(30));
        passTime(Duration.ofMinutes(20));
        assertThat(status(family)).isEqualTo(IntegrationStatus.FAILING);
        assertThat(discord.directMessagesTo(alice)).isEmpty();

        // WHEN the first check after two hours of failing comes (checks of a failing one come at most an interval apart)
        passTime(INTERVAL);

        // THEN it is an error, and Alice gets one message that says since when it has not worked
        assertThat(status(family)).isEqualTo(IntegrationStatus.ERROR);
        assertThat(discord.directMessagesTo(alice)).singleElement().satisfies(message ->
                assertThat(message.content()).startsWith("🔴 **Family** (Calendar) stopped working: Not working since "));
        assertThat(integrations.get(id(alice), family.id()).failingSince()).isEqualTo(failingSince);
        passTime(INTERVAL);
        assertThat(discord.directMessagesTo(alice)).hasSize(1);
    }

    @Test
    @DisplayName("muted (in /integration edit): still checked and shown, no message; unmuted: told what is still wrong, once")
    void muted() {
        // GIVEN Alice's feed, which she mutes in /integration edit
        IntegrationView family = integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
        FakeMessage choices = discord.slash(alice, "integration", "edit", options("integration", family.id().toString()))
                .awaitMessage(m -> m.content().startsWith("What would you like to change"));
        FakeMessage muted = discord.button(alice, choices.button("Mute alerts").path("custom_id").asString(), choices)
                .awaitMessage(m -> m.content().startsWith("🔕"));
        assertThat(muted.content()).startsWith("🔕 Alerts for **Family** are muted");
        assertThat(jdbc.queryForObject("select alerts_muted from integration", Boolean.class)).isTrue();

        // WHEN the feed is gone (404: an error at once) and it is checked
        FEED_STATUS.set(404);
        passTime(INTERVAL);

        // THEN the error is stored and listed, and nothing is sent
        assertThat(status(family)).isEqualTo(IntegrationStatus.ERROR);
        assertThat(discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Family")).text())
                .contains("error", "🔕 alerts muted");
        passTime(INTERVAL);
        assertThat(discord.directMessagesTo(alice)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from integration_notice", Integer.class)).isZero();

        // WHEN she unmutes it and the next check still finds it broken THEN she is told, once
        discord.button(alice, muted.button("Unmute alerts").path("custom_id").asString(), muted)
                .awaitMessage(m -> m.content().startsWith("🔔"));
        passTime(INTERVAL);
        passTime(INTERVAL);
        assertThat(discord.directMessagesTo(alice)).singleElement().satisfies(message ->
                assertThat(message.content()).startsWith("🔴 **Family** (Calendar) stopped working:"));
    }

    @Test
    @DisplayName("DMs closed (Discord 50007): recorded, never retried, and the next list says so with the same buttons, "
            + "until it works again or is muted")
    void directMessagesRefused() {
        // GIVEN Alice accepts no direct messages from the bot, and has two feeds
        discord.refuseDirectMessages(alice);
        IntegrationView family = integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
        IntegrationView school = integrations.create(id(alice), "School", feed(), CheckResult.connected("Connected"));

        // WHEN both break at their next checks, and the watch goes over unsent notices again
        FEED_STATUS.set(404);
        passTime(INTERVAL);
        notices.sendDue();

        // THEN Discord was asked once per notice, never again, and both are recorded as refused
        assertThat(postsTo(alice)).hasSize(2);
        assertThat(discord.directMessagesTo(alice)).isEmpty();
        assertThat(jdbc.queryForList("select outcome from integration_notice", String.class)).containsExactly(
                "REFUSED", "REFUSED");

        // WHEN she lists her integrations
        FakeMessage list = discord.slash(alice, "integration", "list", Map.of())
                .awaitMessage(m -> m.text().contains("Family"));

        // THEN the list starts with what could not be sent, with the notices' buttons
        assertThat(list.content()).startsWith("📭 Plugboard could not send you these direct messages: Discord refused")
                .contains("🔴 **Family** (Calendar) stopped working:", "🔴 **School** (Calendar) stopped working:");
        assertThat(labels(list)).containsSubsequence("Check now", "Edit", "Mute alerts", "Check now", "Edit", "Mute alerts");
        assertThat(list.buttonCustomIds()).contains("int:check:" + family.id(), "int:edit:" + family.id());

        // WHEN she mutes School with its button there THEN it is muted, and the next list leads with Family's only
        String muteSchool = list.buttonCustomIds().stream().filter(custom -> custom.startsWith("int:mute:" + school.id()))
                .findFirst().orElseThrow();
        assertThat(discord.button(alice, muteSchool, list).awaitMessage(m -> m.content().startsWith("🔕")).content())
                .startsWith("🔕 Alerts for **School** are muted");
        assertThat(integrations.get(id(alice), school.id()).alertsMuted()).isTrue();
        assertThat(discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Family"))
                .content()).startsWith("📭 Plugboard could not send you this direct message: Discord refused")
                .contains("🔴 **Family** (Calendar) stopped working:").doesNotContain("**School**");

        // WHEN both work again THEN Family's notice is not even tried (the refusal is fresh), School (muted) has none,
        // and the list is plain again
        FEED_STATUS.set(200);
        passTime(INTERVAL);
        assertThat(jdbc.queryForList("select label || ' ' || change || ' ' || outcome from integration_notice", String.class))
                .containsExactlyInAnyOrder("Family BROKEN REFUSED", "School BROKEN REFUSED", "Family RECOVERED REFUSED");
        assertThat(postsTo(alice)).hasSize(2);
        assertThat(discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Family"))
                .content()).doesNotContain("📭");
    }

    @Test
    @DisplayName("the watch is measured: its checks by trigger and outcome, refused direct messages, and the backlog of due "
            + "checks while no Plugboard claims them")
    void measured() {
        // GIVEN Alice accepts no direct messages, and has a feed; and what was counted so far
        discord.refuseDirectMessages(alice);
        integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
        long checks = backgroundChecks("error");
        double refused = meters.counter("plugboard.discord.direct.messages", "outcome", "refused").count();

        // WHEN the feed breaks and its next check runs
        FEED_STATUS.set(404);
        passTime(INTERVAL);

        // THEN the background check is counted under its trigger and outcome, and the refused message as refused
        assertThat(backgroundChecks("error")).isEqualTo(checks + 1);
        assertThat(meters.counter("plugboard.discord.direct.messages", "outcome", "refused").count()).isEqualTo(refused + 1);
        assertThat(meters.get("plugboard.watch.backlog").gauge().value()).isZero();

        // WHEN no Plugboard claims checks and an interval passes
        scheduler.stop();
        try {
            clock.advance(INTERVAL);
            // THEN the backlog gauge shows the check that is due
            assertThat(meters.get("plugboard.watch.backlog").gauge().value()).isEqualTo(1);
            assertThat(meters.get("plugboard.watch.running").gauge().value()).isZero();
        } finally {
            scheduler.start();
        }
        passTime(Duration.ZERO);
        assertThat(meters.get("plugboard.watch.backlog").gauge().value()).isZero();
    }

    private long backgroundChecks(String outcome) {
        return meters.find("plugboard.connection.checks").tags("trigger", "background", "outcome", outcome).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @Test
    @DisplayName("'Mute alerts' in the direct message: nothing more is sent about it, and it is still checked and listed")
    void mutedFromTheNotice() {
        // GIVEN Alice's feed, gone (404) at its check, and her direct message about it
        IntegrationView family = integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
        FEED_STATUS.set(404);
        passTime(INTERVAL);
        FakeMessage broken = discord.directMessagesTo(alice).get(0);
        assertThat(broken.content()).startsWith("🔴 **Family** (Calendar) stopped working:");

        // WHEN she clicks "Mute alerts" in it
        FakeMessage muted = discord.button(alice, broken.button("Mute alerts").path("custom_id").asString(), broken)
                .awaitMessage(m -> m.content().startsWith("🔕"));

        // THEN the answer says what muting means, with a way back, and the choice is stored
        assertThat(muted.content()).isEqualTo("🔕 Alerts for **Family** are muted: you get no direct message when it "
                + "stops working or works again. It is still checked, and `/integration list` shows its status.");
        assertThat(labels(muted)).containsExactly("Unmute alerts", "All integrations");
        assertThat(jdbc.queryForObject("select alerts_muted from integration", Boolean.class)).isTrue();

        // WHEN the feed works again and checks go on
        FEED_STATUS.set(200);
        Instant mutedAt = clock.instant();
        passTime(INTERVAL);
        passTime(INTERVAL);

        // THEN it was checked and is connected, the list shows it so (muted), and nothing more was sent or stored
        IntegrationView now = integrations.get(id(alice), family.id());
        assertThat(now.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(now.lastCheckedAt()).isAfter(mutedAt);
        assertThat(discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Family"))
                .text()).contains("🟢 Family", "connected", "🔕 alerts muted");
        assertThat(discord.directMessagesTo(alice)).hasSize(1);
        assertThat(jdbc.queryForList("select change from integration_notice", String.class)).containsExactly("BROKEN");
    }

    @Test
    @DisplayName("a sweep: at most 4 checks to one server at once (PLUGBOARD_WATCH_PER_HOST), on the watch's own threads "
            + "at the lowest priority; "
            + "the chat answers meanwhile")
    void sweepStaysFair() {
        // GIVEN six of Alice's feeds on one server, which holds every answer
        for (int i = 1; i <= 6; i++) {
            integrations.create(id(alice), "Feed " + i, feed(), CheckResult.connected("Connected"));
        }
        hold = new CountDownLatch(1);

        // WHEN all of them fall due at once
        clock.advance(INTERVAL);

        // THEN four checks reach the server, the other two wait (without holding a worker), all on the watch's threads,
        // which have the lowest priority (on Linux, nice 19 where the JVM was started with the fast start's options)
        await().atMost(Duration.ofSeconds(10)).until(() -> IN_FLIGHT.get() == 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = ? and not picked and execution_time > ?",
                Integer.class, WatchScheduler.CHECK, Timestamp.from(clock.instant())) == 2);
        assertThat(threadsRunningChecks()).hasSize(4).allSatisfy(thread -> {
            assertThat(thread.getName()).startsWith("watch-check-");
            assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        });

        // AND meanwhile Alice's /integration list is answered at once, from the chat's own threads
        FakeMessage list = discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("Feed 6"));
        assertThat(list.text()).contains("Your integrations (6)");

        // WHEN the server answers THEN every feed is checked, never more than four at once
        hold.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> { // the two that waited come back within seconds
            passTime(CheckPlan.HOST_BUSY_MAX.plusSeconds(1));
            return integrations.list(id(alice)).stream().allMatch(view -> view.lastCheckedAt().isAfter(view.createdAt()));
        });
        assertThat(integrations.list(id(alice))).hasSize(6).allSatisfy(view ->
                assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED));
        assertThat(MOST_IN_FLIGHT.get()).isEqualTo(4);
    }

    @Test
    @DisplayName("a new integration's first check is scheduled on the connection of the transaction that stores it: with "
            + "one database connection free, adding an integration neither waits for a second one nor goes unscheduled")
    void firstCheckWithOneConnectionFree() throws Exception {
        // GIVEN every database connection but one is in use elsewhere (as when as many people add integrations at once)
        HikariDataSource pool = jdbc.getDataSource().unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        IntegrationView family;
        Duration took;
        try {
            for (int i = 1; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }

            // WHEN Alice adds a calendar
            long started = System.nanoTime();
            family = integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
            took = Duration.ofNanos(System.nanoTime() - started);

            // THEN its first check is scheduled, within one interval, on the one connection there is
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from scheduled_tasks where task_name = ? and task_instance = ?", Integer.class,
                    WatchScheduler.CHECK, family.id().toString()) == 1);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        // AND the calendar was stored at once, not after the pool's wait for a second connection (5 s)
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(nextCheck(family)).isBetween(clock.instant(), clock.instant().plus(INTERVAL));
    }

    @Test
    @DisplayName("a check starts after the first answers people are waiting for (half a second at most): on two cores its "
            + "TLS handshake or calendar would compete with them")
    void peopleFirst() {
        // GIVEN Alice's feed, and people whose interactions wait for their acknowledgement
        integrations.create(id(alice), "Family", feed(), CheckResult.connected("Connected"));
        PeopleWaiting.EVENTS.clear();
        PeopleWaiting.waiting = new CountDownLatch(1);

        // WHEN the feed falls due
        passTime(INTERVAL);

        // THEN the check first waited for them, at most half a second, and only then fetched the feed
        assertThat(PeopleWaiting.EVENTS).containsExactly("waited at most 500 ms", "went on", "fetched /family.ics");
        assertThat(integrations.list(id(alice))).singleElement().satisfies(view ->
                assertThat(view.lastCheckedAt()).isAfter(view.createdAt()));
    }

    /** People's first answers, as the real chat reports them, here waiting until the test lets them go (or the check's limit). */
    @org.springframework.boot.test.context.TestConfiguration
    static class PeopleWaiting {

        static final List<String> EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();
        static volatile CountDownLatch waiting = new CountDownLatch(0);

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        app.plugboard.chat.FirstAnswers peopleWaiting() {
            return atMost -> {
                if (waiting.getCount() == 0) {
                    return;
                }
                EVENTS.add("waited at most " + atMost.toMillis() + " ms");
                try {
                    waiting.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                EVENTS.add("went on");
            };
        }
    }

    /** Moves the clock on, then waits until every check due by then ran and every notice went out. */
    void passTime(Duration duration) {
        clock.advance(duration);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select (select count(*) from scheduled_tasks where task_name = ? and (picked or execution_time <= ?))
                     + (select count(*) from integration_notice where outcome is null)""",
                Integer.class, WatchScheduler.CHECK, Timestamp.from(clock.instant())) == 0);
    }

    Instant nextCheck(IntegrationView integration) {
        return jdbc.queryForObject("select execution_time from scheduled_tasks where task_instance = ?", Timestamp.class,
                integration.id().toString()).toInstant();
    }

    IntegrationStatus status(IntegrationView integration) {
        return integrations.get(id(alice), integration.id()).status();
    }

    List<RecordedRequest> postsTo(FakeUser user) {
        return discord.requests().stream().filter(request -> request.method().equals("POST")
                && request.path().endsWith("channels/" + user.dmChannelId() + "/messages")).toList();
    }

    /** The names of the threads that are probing a server for a background check right now. */
    static List<Thread> threadsRunningChecks() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> calls(thread.getValue(), BackgroundCheck.class, "run")
                        && calls(thread.getValue(), ConnectionChecker.class, "check"))
                .map(Map.Entry::getKey).toList();
    }

    private static boolean calls(StackTraceElement[] stack, Class<?> type, String method) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(type.getName())
                && frame.getMethodName().equals(method));
    }

    static List<String> labels(FakeMessage message) {
        return message.buttons().stream().map(button -> button.path("label").asString()).toList();
    }

    static ImapSettings mailbox(String address, String password) {
        return new ImapSettings(address, Secret.of(password), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS,
                null, null);
    }

    static CalendarFeedSettings feed() {
        return new CalendarFeedSettings(Secret.of("http://127.0.0.1:" + FEEDS.port() + "/family.ics"), null, null);
    }

    static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
