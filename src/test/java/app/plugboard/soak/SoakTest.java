package app.plugboard.soak;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.mail.TestTls;
import app.plugboard.workflow.WorkflowService;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The soak's fast version, in {@code verify}: twenty people, brisk, for ten seconds after everyone connected
 * a mailbox (or as long as their tour takes), each going through every kind of conversation once and then on at random, with the
 * watch checking every integration every five seconds meanwhile. The long run is {@code bench/soak.sh}
 * ({@link SoakBenchmark}). The context is closed afterwards: its watch must not check other tests' integrations.
 */
@DiscordTest(properties = {"plugboard.network.allowed-ranges=127.0.0.0/8", "plugboard.watch.interval=5s",
        "plugboard.watch.poll-interval=500ms"})
@DirtiesContext
@DisplayName("Soak, fast: twenty people over the fake Discord, the watch on")
class SoakTest {

    @DynamicPropertySource
    static void trustTheTestMailServer(DynamicPropertyRegistry registry) {
        TestTls.trustedBy(registry);
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("every interaction is acknowledged within 3 s, no answer is an error, the log holds no error, and nothing anyone was told is lost")
    void soak() throws Exception {
        // GIVEN twenty people, each with a mailbox on GreenMail, and a feed server for their calendars
        // WHEN they connect, list, check, rename, give new passwords and addresses, create and delete workflows,
        // and delete integrations (confirming, cancelling, moving the workflows), while the watch checks everything
        SoakResult result = new SoakRun(SoakSettings.quick(), discord, integrations, workflows, jdbc, meters, "5s").run();
        String report = String.join("\n", result.report());
        Path file = Path.of("target", "soak", "soak-fast.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + "\n");

        // THEN every kind of conversation ran, and the watch checked in the background meanwhile
        assertThat(result.flows()).as(report).containsKeys("connect mail", "connect mail, refused first",
                "connect calendar", "list, pick, check now", "check", "rename", "new password, typo first",
                "new calendar address", "create workflow", "list workflows", "delete workflow, cancel",
                "delete workflow, confirm", "delete integration used, cancel", "delete integration used, move",
                "delete integration used, confirm", "delete integration unused, confirm");
        assertThat(result.backgroundChecks().values().stream().mapToLong(Long::longValue).sum()).as(report).isPositive();
        // AND Discord's three seconds held for every interaction, and no answer was an error
        assertThat(result.sent()).as(report).isGreaterThan(20L * 30);
        assertThat(result.missed()).as(report).isZero();
        assertThat(result.errors()).as(report).isZero();
        // AND autocomplete suggested what each person has (without suggestions only when the database is slower than
        // the quick-read deadline, on a machine choked by other work)
        assertThat(result.withoutSuggestions()).as(report).isLessThanOrEqualTo(result.figures().autocompleteCount() / 20);
        assertThat(result.logErrors()).as(report).isEmpty();
        // AND what everyone was told is what is stored: lost 0
        assertThat(result.discrepancies()).as(report).isEmpty();
    }
}
