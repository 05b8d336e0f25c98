package app.plugboard.faults;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault 5, fast version: an IMAP server that accepts and never speaks, and a calendar feed that drips a byte every
 * 200 ms (always before the read timeout, never done), checked by several people at once through Discord. Their
 * checks end at the deadline (3 s here) with "failing for now", nothing is stored, the connections are closed; and
 * meanwhile everyone else's chat answers as usual. The comparison of the chat's p99 with and without these servers
 * is in {@code bench/faults.sh}.
 */
@DiscordTest(properties = {"plugboard.network.allowed-ranges=127.0.0.1/32", "plugboard.imap.deadline=" + SlowServersTest.DEADLINE,
        "plugboard.imap.read-timeout=30s", "plugboard.calendar.deadline=" + SlowServersTest.DEADLINE,
        "plugboard.calendar.total-deadline=" + SlowServersTest.DEADLINE, "plugboard.calendar.read-timeout=30s"})
@DisplayName("Fault: a hung IMAP server and a slow-drip feed")
class SlowServersTest {

    static final String DEADLINE = "3s";
    /** The deadline, and what a loaded two-core machine needs on top to say so. */
    static final Duration ENDS_WITHIN = Duration.ofSeconds(3 + 4);
    static final Duration CHAT_ANSWERS_WITHIN = Duration.ofMillis(2_000);

    static final HungServer hung = HungServer.start();
    static final LocalServer drip = LocalServer.http().on("/", exchange -> {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("BEGIN:VCALENDAR\r\n".getBytes());
            for (int i = 0; i < 300; i++) {
                out.write('X');
                out.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });

    static final LocalServer fast = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    FakeUser alice;
    FakeUser bob;
    FakeUser carol;
    FakeUser dave;
    FakeUser erin;

    @AfterAll
    static void stopServers() {
        hung.close();
        drip.close();
        fast.close();
    }

    @Test
    @DisplayName("four people each check a hung mailbox and a dripping feed: every check ends at the deadline, nothing stored; meanwhile another's list and check answer at once")
    void checksEndAtTheDeadline() {
        // GIVEN Erin has a calendar, and four people have the forms open to add a mailbox and a calendar
        integrations.create(id(erin), "Family", SampleSettings.feed("tok"));
        List<FakeUser> people = List.of(alice, bob, carol, dave);
        List<String> mailForms = new ArrayList<>();
        List<String> feedForms = new ArrayList<>();
        for (FakeUser person : people) {
            mailForms.add(openForm(person, "imap", "Work mail"));
            feedForms.add(openForm(person, "calendar", "Family"));
        }

        // WHEN they submit both at once: the mailbox on the hung server, the calendar on the dripping feed
        List<FakeInteraction> checks = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            checks.add(discord.modalSubmit(people.get(i), mailForms.get(i), Map.of("username", "someone@example.com",
                    "password", "pw", "server", "127.0.0.1", "port", String.valueOf(hung.port())),
                    Map.of("security", List.of("IMPLICIT_TLS"))));
            checks.add(discord.modalSubmit(people.get(i), feedForms.get(i),
                    Map.of("address", "http://127.0.0.1:" + drip.port() + "/family.ics"), Map.of("source", List.of("feed"))));
        }
        // AND, while they wait, Erin asks for her integrations
        await().atMost(Duration.ofSeconds(5)).until(() -> hung.connections() == people.size());
        long asked = System.nanoTime();
        FakeInteraction list = discord.slash(erin, "integration", "list", Map.of());

        // THEN Erin's list is shown at once, not after the hung checks
        assertThat(list.awaitMessage(m -> !m.embeds().isEmpty()).text()).contains("Your integrations (1)", "Family");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(CHAT_ANSWERS_WITHIN);
        // AND a calendar Erin adds on a server that answers is checked and stored at once too, not after them
        long added = System.nanoTime();
        FakeInteraction work = discord.modalSubmit(erin, openForm(erin, "calendar", "Work"),
                Map.of("address", "http://127.0.0.1:" + fast.port() + "/work.ics"), Map.of("source", List.of("feed")));
        assertThat(work.awaitOriginalEdit(edit -> !edit.path("content").asString("").startsWith("Checking"))
                .path("content").asString()).startsWith("✅ Work is connected.");
        assertThat(Duration.ofNanos(System.nanoTime() - added)).isLessThan(CHAT_ANSWERS_WITHIN);

        // AND every check was acknowledged at once, and ended at the deadline with "failing for now" in words
        for (FakeInteraction check : checks) {
            assertThat(check.awaitCallback().content()).startsWith("Checking");
            String result = check.awaitOriginalEdit(edit -> !edit.path("content").asString("").startsWith("Checking"))
                    .path("content").asString();
            assertThat(check.timeToFirstOriginalEdit()).as(result).isLessThan(ENDS_WITHIN);
            assertThat(result).contains("is not saved").doesNotContain("Something went wrong", "Exception");
        }
        // AND nothing was stored but Erin's calendars, and Plugboard closed every connection to the hung server
        assertThat(jdbc.queryForObject("select count(*) from integration", Integer.class)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(2)).until(() -> hung.stillOpen() == 0);
    }

    private String openForm(FakeUser person, String type, String label) {
        return discord.slash(person, "integration", "add", options("type", type, "label", label)).awaitCallback().customId();
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
