package app.plugboard.soak;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.mail.TestTls;
import app.plugboard.workflow.WorkflowService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The soak (README, "Reliability"): {@code soak.users} people (500) for {@code soak.minutes} (10) over the fake
 * Discord and Plugboard's real JDA client, with the watch checking every integration every {@code soak.watch}
 * (2m). Prints the report and writes it to {@code target/soak/soak.txt}; fails on any missed acknowledgement,
 * error answer, error in the log or discrepancy. Not part of {@code verify} (the name matches no Surefire
 * pattern): run it with {@code bench/soak.sh [users] [minutes]}.
 */
@Tag("benchmark")
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.0/8")
@DisplayName("Soak: many people over the fake Discord for minutes, the watch on")
class SoakBenchmark {

    static final String WATCH = System.getProperty("soak.watch", "2m");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestTls.trustedBy(registry);
        registry.add("plugboard.watch.interval", () -> WATCH);
        registry.add("plugboard.watch.poll-interval", () -> "2s");
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
    @DisplayName("all acknowledged within 3 s, no error answer, nothing lost, leak figures flat")
    void soak() throws Exception {
        SoakResult result = new SoakRun(SoakSettings.fromSystemProperties(), discord, integrations, workflows, jdbc, meters,
                WATCH).run();
        List<String> report = result.report();
        Path file = Path.of("target", "soak", "soak.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
        report.forEach(System.out::println);
        assertThat(result.passed()).as(String.join("\n", report)).isTrue();
    }
}
