package app.plugboard.fleet;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeGuild;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.discord.fake.Rejection;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.calendar.TestCalDavServer;
import app.plugboard.integration.gmail.Browser;
import app.plugboard.integration.gmail.GmailImapStandIn;
import app.plugboard.integration.gmail.GmailStandIns;
import app.plugboard.integration.gmail.GoogleStandIn;
import app.plugboard.testsupport.TestDatabase;
import app.plugboard.testsupport.TestKeys;
import app.plugboard.testsupport.mail.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two packaged Plugboards, each in a process of its own, on one PostgreSQL (an embedded one this test starts),
 * logged in to a fake Discord that serves two shards: Plugboard A runs shard 0, B runs shard 1, behind one web
 * address (a small reverse proxy that the test steers). Google, Gmail's IMAP and a calendar feed server are
 * stand-ins on loopback. The tests run in order, on the same two processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Two packaged Plugboards on one PostgreSQL, one shard each")
class ShardedPlugboardsIT {

    static final Duration WATCH_INTERVAL = Duration.ofSeconds(15);
    static final Duration START = Duration.ofMinutes(3);

    static FakeDiscord discord;
    static FakeGuild onShard0;
    static FakeGuild onShard1;
    static GoogleStandIn google;
    static GmailImapStandIn gmail;
    static LocalServer feeds;
    static TestCalDavServer dav;
    static final Map<String, List<Instant>> FETCHES = new ConcurrentHashMap<>();
    static OneWebAddress web;
    static JdbcTemplate database;
    static Path directory;
    static final int PORT_A = GmailStandIns.freePort();
    static final int PORT_B = GmailStandIns.freePort();
    static final OneWebAddress.Backend A = new OneWebAddress.Backend("A", PORT_A);
    static final OneWebAddress.Backend B = new OneWebAddress.Backend("B", PORT_B);
    static PackagedPlugboard plugboardA;
    static PackagedPlugboard plugboardB;
    static FakeUser alice;
    static FakeUser bob;
    /** A form Alice opened on A's shard before A was killed. */
    static Callback openForm;
    /** A "Which one?" A asked Alice before it was killed: the choices wait in A's memory. */
    static FakeMessage pendingChoice;

    @BeforeAll
    static void startEverything() throws Exception {
        directory = Files.createTempDirectory("plugboard-fleet");
        TestDatabase db = TestDatabase.get();
        database = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.username(), db.password()));
        discord = FakeDiscord.sharded(2, 1);
        onShard0 = discord.guildOnShard(0);
        onShard1 = discord.guildOnShard(1);
        alice = discord.user("alice");
        bob = discord.user("bob");
        google = GmailStandIns.google();
        gmail = GmailStandIns.imap();
        feeds = LocalServer.http().on("/feeds/", exchange -> {
            FETCHES.computeIfAbsent(exchange.getRequestURI().getPath(), any -> new CopyOnWriteArrayList<>()).add(Instant.now());
            LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics"));
        });
        dav = new TestCalDavServer();
        web = new OneWebAddress(path -> A);

        // both start at the same moment, as after a fleet restart
        plugboardA = new PackagedPlugboard("A", settings(0, PORT_A), directory).start();
        plugboardB = new PackagedPlugboard("B", settings(1, PORT_B), directory).start();
        plugboardA.awaitHealthy(PORT_A, START);
        plugboardB.awaitHealthy(PORT_B, START);
        awaitShards(2);
        discord.awaitRegisteredCommands();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (PackagedPlugboard plugboard : new PackagedPlugboard[] {plugboardA, plugboardB}) {
            if (plugboard != null) {
                plugboard.close();
            }
        }
        for (AutoCloseable closeable : new AutoCloseable[] {web, feeds, dav, discord}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("started together, the two took turns to identify, 5 s apart in their one bucket: Discord refused none")
    void identifiedInTurns() {
        List<FakeDiscord.Identify> identifies = discord.identifies();
        assertThat(identifies).extracting(FakeDiscord.Identify::shard).containsExactlyInAnyOrder(0, 1);
        assertThat(Duration.between(identifies.get(0).at(), identifies.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(discord.rejections()).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("interactions in servers of both shards are answered exactly once, each by the Plugboard running its shard")
    void eachShardAnswered() {
        // WHEN Alice asks for help in a server of each shard, and in a direct message (shard 0)
        FakeInteraction first = discord.slash(alice, onShard0, "integration", "help", Map.of());
        FakeInteraction second = discord.slash(alice, onShard1, "integration", "help", Map.of());
        FakeInteraction direct = discord.slashInDm(alice, "integration", "help", Map.of());

        // THEN each went only to the session of its shard, that is to the one Plugboard running it, and was answered once
        for (FakeInteraction help : List.of(first, second, direct)) {
            assertThat(help.awaitCallback(Duration.ofSeconds(10)).content()).contains("connects the services your assistant uses");
        }
        assertThat(first.deliveredToShards()).containsExactly(0);
        assertThat(second.deliveredToShards()).containsExactly(1);
        assertThat(direct.deliveredToShards()).containsExactly(0);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (FakeInteraction help : List.of(first, second, direct)) {
                assertThat(help.callbacks()).hasSize(1);
            }
        });
        assertThat(discord.rejections()).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("a Gmail sign-in started through A and called back on B completes, and B edits the message A showed")
    void signInAcrossPlugboards() {
        google.signInAs("alice@gmail.com");
        gmail.deliver("alice@gmail.com", 3, 1);
        // GIVEN the web address sends the pages to A, and Google's callback to B
        web.route(path -> path.startsWith("/oauth2/callback/") ? B : A);

        // WHEN Alice, in a server on A's shard, asks for Gmail and signs in in her browser
        FakeInteraction add = discord.slash(alice, onShard0, "integration", "add", options("type", "gmail", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();
        Browser browser = new Browser();
        Browser.Visit done = browser.submit(browser.open(link));

        // THEN the browser ends on the result page, the callback served by B
        assertThat(done.body()).contains("Connected as alice@gmail.com");
        assertThat(web.served()).anySatisfy(served -> {
            assertThat(served.path()).startsWith("/oauth2/callback/google");
            assertThat(served.plugboard()).isEqualTo("B");
        });
        // AND the integration is stored for Alice, and the message A showed her now says so (edited by B)
        assertThat(database.queryForObject("select count(*) from integration where owner_id = ? and label = 'Work'",
                Integer.class, alice.id())).isEqualTo(1);
        assertThat(add.awaitMessage(m -> m.content().contains("is connected")).content())
                .contains("✅ **Work** (Gmail) is connected.");
        assertThat(discord.directMessagesTo(alice)).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("integrations added through both Plugboards are checked in the background, each once per interval between the two")
    void checkedOncePerInterval() throws Exception {
        // GIVEN four calendars, two added through each Plugboard
        for (int i = 0; i < 4; i++) {
            addCalendar(i % 2 == 0 ? onShard0 : onShard1, "Feed " + i, "/feeds/" + i + ".ics");
        }
        Map<String, Integer> addChecks = new HashMap<>();
        FETCHES.forEach((path, times) -> addChecks.put(path, times.size()));

        // WHEN three intervals pass
        Thread.sleep(WATCH_INTERVAL.multipliedBy(3).toMillis());

        // THEN each was checked in the background, never twice within one interval
        for (int i = 0; i < 4; i++) {
            String path = "/feeds/" + i + ".ics";
            List<Instant> background = FETCHES.get(path).subList(addChecks.get(path), FETCHES.get(path).size());
            assertThat(background).as("background checks of %s", path).hasSizeBetween(2, 4);
            assertGaps(path, background);
        }
    }

    @Test
    @Order(5)
    @DisplayName("with A killed, B keeps serving its shard, the checks (A's ones too) and the sign-in callbacks")
    void aKilled() throws Exception {
        // GIVEN Alice opened a form on A's shard (its draft lives in A's memory)
        openForm = discord.slash(alice, onShard0, "integration", "add", options("type", "calendar", "label", "Late"))
                .awaitCallback(Duration.ofSeconds(10));
        assertThat(openForm.type()).isEqualTo(Callback.MODAL);
        // AND A asked her which calendar of her CalDAV account to use (the choices live in A's memory too)
        Callback davForm = discord.slash(alice, onShard0, "integration", "add", options("type", "calendar", "label", "Cloud"))
                .awaitCallback(Duration.ofSeconds(10));
        pendingChoice = discord.modalSubmit(alice, davForm.customId(), Map.of("address", "http://127.0.0.1:" + dav.port(),
                        "username", "alice", "password", TestCalDavServer.PASSWORD), Map.of("source", List.of("caldav")))
                .awaitMessage(m -> !m.selectCustomIds().isEmpty());
        assertThat(pendingChoice.content()).contains("Which one should Cloud use?");
        Map<String, Integer> before = new HashMap<>();
        FETCHES.forEach((path, times) -> before.put(path, times.size()));

        // WHEN A is killed (no shutdown: its gateway session, database connections and claimed checks just stop)
        plugboardA.kill();
        web.route(path -> B);

        // THEN B answers on its shard
        FakeInteraction help = discord.slash(bob, onShard1, "integration", "help", Map.of());
        assertThat(help.awaitCallback(Duration.ofSeconds(10)).content()).contains("connects the services your assistant uses");
        // AND nobody runs A's shard now: its servers' interactions reach no Plugboard, and nobody answers them
        FakeInteraction unanswered = discord.slash(bob, onShard0, "integration", "help", Map.of());
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
            assertThat(unanswered.deliveredToShards()).isEmpty();
            assertThat(unanswered.callbacks()).isEmpty();
        });
        // AND a sign-in through B completes and edits Bob's message
        google.signInAs("bob@gmail.com");
        gmail.deliver("bob@gmail.com", 1, 0);
        FakeInteraction add = discord.slash(bob, onShard1, "integration", "add", options("type", "gmail", "label", "Mail"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(link)).body()).contains("Connected as bob@gmail.com");
        assertThat(add.awaitMessage(m -> m.content().contains("is connected")).content()).contains("✅ **Mail** (Gmail) is connected.");
        // AND every calendar goes on being checked, once per interval, now all by B
        Thread.sleep(WATCH_INTERVAL.multipliedBy(2).plusSeconds(5).toMillis());
        for (int i = 0; i < 4; i++) {
            String path = "/feeds/" + i + ".ics";
            List<Instant> all = FETCHES.get(path);
            assertThat(all.size()).as("checks of %s after A died", path).isGreaterThan(before.get(path));
            assertGaps(path, all.subList(Math.max(0, before.get(path) - 1), all.size()));
        }
    }

    @Test
    @Order(6)
    @DisplayName("A, restarted, resumes its shard; the form and the \"Which one?\" it had open answer \"expired, start again\" and store nothing")
    void aRestarted() throws Exception {
        // WHEN A starts again
        int identifiesBefore = discord.identifies().size();
        plugboardA = new PackagedPlugboard("A", settings(0, PORT_A), directory).start();
        plugboardA.awaitHealthy(PORT_A, START);
        awaitShards(identifiesBefore + 1);

        // THEN its shard is served again
        FakeInteraction help = discord.slash(alice, onShard0, "integration", "help", Map.of());
        assertThat(help.awaitCallback(Duration.ofSeconds(10)).content()).contains("connects the services your assistant uses");
        assertThat(help.deliveredToShards()).containsExactly(0);
        // AND the form Alice opened before the restart is answered "expired", nothing stored
        FakeInteraction late = discord.modalSubmit(alice, openForm.customId(),
                Map.of("address", feedUrl("/feeds/late.ics")), Map.of("source", List.of("feed")));
        assertThat(late.awaitCallback(Duration.ofSeconds(10)).content()).isEqualTo("This has expired. Run the command again.");
        assertThat(database.queryForObject("select count(*) from integration where label = 'Late'", Integer.class)).isZero();
        // AND so is her pick in the "Which one?" A asked before: nothing stored
        String select = pendingChoice.selectCustomIds().get(0);
        FakeInteraction pick = discord.select(alice, select, List.of("0"), pendingChoice);
        assertThat(pick.awaitMessage(m -> m.content().contains("expired")).content())
                .isEqualTo("This has expired. Run the command again.");
        assertThat(pick.deliveredToShards()).containsExactly(0);
        assertThat(database.queryForObject("select count(*) from integration where label = 'Cloud'", Integer.class)).isZero();
        // AND Discord refused nothing all along: no IDENTIFY too soon, no acknowledgement twice or late
        assertThat(discord.rejections()).extracting(Rejection::kind).isEmpty();
    }

    private static void addCalendar(FakeGuild guild, String label, String path) {
        Callback form = discord.slash(alice, guild, "integration", "add", options("type", "calendar", "label", label))
                .awaitCallback(Duration.ofSeconds(10));
        FakeInteraction submit = discord.modalSubmit(alice, form.customId(), Map.of("address", feedUrl(path)),
                Map.of("source", List.of("feed")));
        submit.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"));
    }

    private static String feedUrl(String path) {
        return "http://127.0.0.1:" + feeds.port() + path;
    }

    /** Background checks of one integration: never two within (most of) one interval. */
    private static void assertGaps(String path, List<Instant> checks) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < checks.size(); i++) {
            gaps.add(Duration.between(checks.get(i - 1), checks.get(i)));
        }
        assertThat(gaps).as("time between checks of %s", path)
                .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(WATCH_INTERVAL.multipliedBy(3).dividedBy(4)));
    }

    private static void awaitShards(int identifies) {
        await().atMost(START).until(() -> discord.identifies().stream().filter(identify -> !identify.refused()).count() >= identifies);
        // READY came with the IDENTIFY; the fake dispatches to a session as soon as it exists
    }

    private static Map<String, String> settings(int shard, int webPort) {
        TestDatabase db = TestDatabase.get();
        Map<String, String> settings = new HashMap<>();
        settings.put("DISCORD_TOKEN", discord.token());
        settings.put("PLUGBOARD_DISCORD_REST_URL", discord.restBaseUrl());
        settings.put("PLUGBOARD_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        settings.put("PLUGBOARD_DISCORD_SHARDS", "2");
        settings.put("PLUGBOARD_DISCORD_SHARD_IDS", Integer.toString(shard));
        settings.put("SPRING_DATASOURCE_URL", db.url());
        settings.put("SPRING_DATASOURCE_USERNAME", db.username());
        settings.put("SPRING_DATASOURCE_PASSWORD", db.password());
        settings.put("PLUGBOARD_ENCRYPTION_KEY", TestKeys.CURRENT);
        settings.put("PLUGBOARD_DATA_DIR", directory.resolve("data-" + shard).toString());
        settings.put("PLUGBOARD_WEB_PORT", Integer.toString(webPort));
        settings.put("PLUGBOARD_MANAGEMENT_PORT", "-1");
        settings.put("PLUGBOARD_NETWORK_ALLOWED_RANGES", "127.0.0.0/8");
        settings.put("PLUGBOARD_TRUST_STORE", TestTls.trustStore().toString());
        settings.put("PLUGBOARD_TRUST_STORE_PASSWORD", TestTls.PASSWORD);
        settings.put("PLUGBOARD_WATCH_INTERVAL", WATCH_INTERVAL.toSeconds() + "s");
        settings.put("PLUGBOARD_WATCH_POLL_INTERVAL", "1s");
        settings.put("PLUGBOARD_WATCH_HEARTBEAT", "1s");
        settings.put("PLUGBOARD_PUBLIC_URL", web.url());
        settings.put("PLUGBOARD_GOOGLE_CLIENT_ID", GmailStandIns.CLIENT_ID);
        settings.put("PLUGBOARD_GOOGLE_CLIENT_SECRET", GmailStandIns.CLIENT_SECRET);
        settings.put("PLUGBOARD_GOOGLE_AUTHORIZATION_URI", google.url(GoogleStandIn.GOOGLE, "authorize"));
        settings.put("PLUGBOARD_GOOGLE_TOKEN_URI", google.url(GoogleStandIn.GOOGLE, "token"));
        settings.put("PLUGBOARD_GOOGLE_USER_INFO_URI", google.url(GoogleStandIn.GOOGLE, "userinfo"));
        settings.put("PLUGBOARD_GOOGLE_REVOKE_URI", google.url(GoogleStandIn.GOOGLE, "revoke"));
        settings.put("PLUGBOARD_GMAIL_IMAP_HOST", "localhost");
        settings.put("PLUGBOARD_GMAIL_IMAP_PORT", Integer.toString(gmail.port()));
        return settings;
    }
}
