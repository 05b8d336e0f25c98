package app.plugboard.faults;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault 6: Plugboard is stopped gracefully (SIGTERM closes its context) while checks are in flight: a person's
 * calendar check that finishes in a second and a half, a person's new mailbox and another's "Check now" on an IMAP
 * server that never answers (their deadline is 30 s, longer than the stop may take), and a background check of a
 * third mailbox on that server. The stop takes no longer than {@code PLUGBOARD_SHUTDOWN_TIMEOUT} (4 s here); what
 * finishes in time is stored and answered; what does not is abandoned: nothing of it stored, its people told, and
 * the background check's schedule kept for the next start.
 */
@DisplayName("Fault: a graceful stop in the middle of checks")
class ShutdownDuringChecksTest {

    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(Integer.getInteger("faults.shutdown-timeout", 4));
    /** What closing JDA, the web ports and the pools takes on top, on a loaded two-core machine. */
    static final Duration OVERHEAD = Duration.ofSeconds(4);
    static final String STOPPED = "Plugboard is restarting, so this was stopped before it finished. Try again in a minute.";

    static final HungServer hung = HungServer.start();
    static final AtomicInteger feedRequests = new AtomicInteger();
    static final LocalServer slowFeed = LocalServer.http().on("/", exchange -> {
        feedRequests.incrementAndGet();
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics"));
    });

    @TempDir
    Path workDir;
    StandalonePlugboard plugboard;

    @AfterEach
    void stop() {
        if (plugboard != null) {
            plugboard.close();
        }
    }

    @AfterAll
    static void stopServers() {
        hung.close();
        slowFeed.close();
    }

    @Test
    @DisplayName("the stop ends within the timeout; the check that finishes is stored and answered, the others are abandoned, told, and leave their rows as they were")
    void stopDuringChecks() {
        // GIVEN a Plugboard that watches integrations, may take 4 s to stop, and gives IMAP 30 s
        plugboard = StandalonePlugboard.start(workDir, "spring.lifecycle.timeout-per-shutdown-phase=" + SHUTDOWN_TIMEOUT.toSeconds() + "s",
                "plugboard.imap.deadline=30s", "plugboard.imap.read-timeout=30s", "plugboard.watch.interval=30m",
                "plugboard.watch.poll-interval=50ms", "plugboard.watch.heartbeat=1s");
        FakeDiscord discord = plugboard.discord();
        IntegrationService integrations = plugboard.bean(IntegrationService.class);
        FakeUser alice = discord.user("alice");
        FakeUser bob = discord.user("bob");
        FakeUser carol = discord.user("carol");
        FakeUser dave = discord.user("dave");
        IntegrationView carols = integrations.create(id(carol), "Work mail", hungMailbox());
        IntegrationView daves = integrations.create(id(dave), "Work mail", hungMailbox());
        JdbcTemplate database = plugboard.database();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledCheck(database, daves) != null);

        // WHEN Alice adds a calendar on the slow feed, Bob a mailbox on the hung server, Carol checks hers there,
        // and the watch's check of Dave's mailbox falls due
        String aliceForm = discord.slash(alice, "integration", "add", options("type", "calendar", "label", "Family"))
                .awaitCallback().customId();
        String bobForm = discord.slash(bob, "integration", "add", options("type", "imap", "label", "Work mail"))
                .awaitCallback().customId();
        FakeInteraction aliceAdds = discord.modalSubmit(alice, aliceForm,
                Map.of("address", "http://127.0.0.1:" + slowFeed.port() + "/family.ics"), Map.of("source", List.of("feed")));
        FakeInteraction bobAdds = discord.modalSubmit(bob, bobForm, Map.of("username", "bob@example.com", "password", "pw",
                "server", "127.0.0.1", "port", String.valueOf(hung.port())), Map.of("security", List.of("IMPLICIT_TLS")));
        FakeInteraction carolChecks = discord.slash(carol, "integration", "check", options("integration", carols.id().toString()));
        database.update("update scheduled_tasks set execution_time = now() where task_instance = ?", daves.id().toString());
        // AND, while all four are in flight, Plugboard is told to stop
        await().atMost(Duration.ofSeconds(10)).until(() -> hung.connections() >= 3 && feedRequests.get() >= 1);
        Map<String, Object> carolBefore = row(database, carols);
        Map<String, Object> daveBefore = row(database, daves);
        long tookMillis = plugboard.stop();

        new FaultReport("graceful-stop", "Plugboard stopped (its context closed, as on SIGTERM) with PLUGBOARD_SHUTDOWN_TIMEOUT="
                + SHUTDOWN_TIMEOUT.toSeconds() + "s while a check that takes 1.5 s, two on a hung IMAP server (deadline 30 s) and a "
                + "background check on it ran")
                .line("the stop took %d ms", tookMillis)
                .line("the 1.5 s check's person read: %s", firstLine(lastAnswer(aliceAdds)))
                .line("the hung checks' people read: %s / %s", lastAnswer(bobAdds), lastAnswer(carolChecks))
                .line("rows of the checked integrations unchanged: %s; background check still scheduled: %s",
                        row(database, carols).equals(carolBefore) && row(database, daves).equals(daveBefore),
                        scheduledCheck(database, daves) != null)
                .write();

        // THEN the stop took no longer than the timeout allows
        assertThat(Duration.ofMillis(tookMillis)).isLessThan(SHUTDOWN_TIMEOUT.plus(OVERHEAD));
        // AND Alice's check finished in time: she was answered, her calendar is stored, connected
        assertThat(lastAnswer(aliceAdds)).startsWith("✅ Family is connected.");
        assertThat(database.queryForList("select status from integration where owner_id = ?", String.class, alice.id()))
                .containsExactly("CONNECTED");
        // AND Bob's and Carol's were abandoned: each was told, Bob's mailbox is not stored, Carol's row is as it was
        assertThat(lastAnswer(bobAdds)).isEqualTo(STOPPED);
        assertThat(lastAnswer(carolChecks)).isEqualTo(STOPPED);
        assertThat(database.queryForObject("select count(*) from integration where owner_id = ?", Integer.class, bob.id())).isZero();
        assertThat(row(database, carols)).isEqualTo(carolBefore);
        // AND the background check stored nothing half-done, and Dave's mailbox keeps its place in the schedule
        assertThat(row(database, daves)).isEqualTo(daveBefore);
        assertThat(scheduledCheck(database, daves)).isNotNull();
        // AND nothing was refused by Discord on the way out (no late or second acknowledgement)
        assertThat(discord.rejections()).isEmpty();
    }

    private static String lastAnswer(FakeInteraction interaction) {
        List<String> edits = interaction.originalEdits().stream().map(edit -> edit.path("content").asString("")).toList();
        return edits.isEmpty() ? interaction.awaitCallback().content() : edits.get(edits.size() - 1);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static Map<String, Object> row(JdbcTemplate database, IntegrationView integration) {
        return database.queryForMap("select * from integration where id = ?", integration.id().value());
    }

    private static Object scheduledCheck(JdbcTemplate database, IntegrationView integration) {
        List<Object> due = database.queryForList("select execution_time from scheduled_tasks where task_instance = ?",
                Object.class, integration.id().toString());
        return due.isEmpty() ? null : due.get(0);
    }

    private static ImapSettings hungMailbox() {
        return new ImapSettings("someone@example.com", Secret.of("pw"), "127.0.0.1", hung.port(), ImapSecurity.IMPLICIT_TLS,
                null, null);
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
