package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.TestClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watch's notices in the terminal chat: a Plugboard without Discord, its terminal conversation on piped input,
 * calendar feeds on a loopback server, and a clock the test moves.
 */
@SpringBootTest(properties = {"plugboard.watch.interval=30m", "plugboard.watch.poll-interval=50ms",
        "plugboard.watch.heartbeat=1s", "plugboard.network.allowed-ranges=127.0.0.0/8"})
@CleanDatabase
@Import({TestClock.Beans.class, ConsoleWatchTest.TerminalChat.class})
@DisplayName("Watching integrations, in the terminal")
class ConsoleWatchTest {

    static final UserId ME = new UserId(1);
    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final Set<String> MISSING = ConcurrentHashMap.newKeySet();
    static final LocalServer FEEDS = LocalServer.http().on("/", exchange -> {
        boolean missing = MISSING.contains(exchange.getRequestURI().getPath());
        LocalServer.send(exchange, missing ? 404 : 200, "text/calendar",
                missing ? new byte[0] : CalendarParsingTest.resource("google-family.ics"));
    });

    @Autowired
    ChatRouter router;
    @Autowired
    ConsoleNotifier notifier;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PipedWriter typed;
    Thread conversation;

    @BeforeEach
    void startConversation() throws IOException {
        MISSING.clear();
        typed = new PipedWriter();
        ConsoleSession session = new ConsoleSession(router, ME, new StreamTerminal(new BufferedReader(new PipedReader(typed)),
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
        notifier.attach(session);
        conversation = new Thread(session::run, "terminal-chat-test");
        conversation.start();
    }

    @AfterEach
    void endConversation() throws Exception {
        typed.close();
        conversation.join(5_000);
    }

    @AfterAll
    static void stopFeeds() {
        FEEDS.close();
    }

    @Test
    @DisplayName("a notice is printed between prompts: at once while the terminal waits, with its buttons as choices; "
            + "after the form when one is open")
    void noticesBetweenPrompts() throws IOException {
        // GIVEN two of my calendar feeds, connected, and the terminal waiting at its prompt
        IntegrationView family = add("Family", "/family.ics");
        IntegrationView school = add("School", "/school.ics");
        await().atMost(Duration.ofSeconds(5)).until(() -> output().endsWith(ConsoleSession.PROMPT));

        // WHEN Family's feed is gone at its next check
        MISSING.add("/family.ics");
        passTime(INTERVAL);

        // THEN the notice is printed on a line of its own, with its buttons as numbered choices, and the prompt again
        assertThat(status(family)).isEqualTo(IntegrationStatus.ERROR);
        await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("Family (Calendar) stopped working"));
        assertThat(output()).contains("> \n" + ConsoleRenderer.ONLY_YOU + "\n  🔴 Family (Calendar) stopped working: ")
                .endsWith("  [1] Check now   [2] Edit   [3] Mute alerts\n" + ConsoleSession.PROMPT);
        assertThat(jdbc.queryForList("select change || ' ' || outcome from integration_notice", String.class))
                .containsExactly("BROKEN DELIVERED");

        // WHEN I type 3 THEN that is its "Mute alerts": it is muted, and stored so
        type("3");
        await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("Alerts for Family are muted"));
        assertThat(jdbc.queryForObject("select alerts_muted from integration where id = ?", Boolean.class,
                family.id().value())).isTrue();

        // WHEN I open a form, and School's feed is gone at its check while the form asks
        type("/integration add type:calendar label:Work");
        await().atMost(Duration.ofSeconds(5)).until(() -> output().endsWith("Choose 1-2 [1]: "));
        MISSING.add("/school.ics");
        passTime(INTERVAL);
        assertThat(status(school)).isEqualTo(IntegrationStatus.ERROR);

        // THEN the notice waits: the form is not interrupted
        assertThat(jdbc.queryForList("select label || ' ' || outcome from integration_notice order by created_at",
                String.class)).containsExactly("Family DELIVERED", "School DELIVERED");
        assertThat(output()).doesNotContain("School (Calendar) stopped working").endsWith("Choose 1-2 [1]: ");

        // WHEN I leave the form THEN the notice comes after it, before the prompt
        type("/cancel");
        await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("School (Calendar) stopped working"));
        String output = output();
        assertThat(output.indexOf("Cancelled: nothing was sent.")).isLessThan(output.indexOf("School (Calendar) stopped working"));
        assertThat(output).endsWith("  [1] Check now   [2] Edit   [3] Mute alerts\n" + ConsoleSession.PROMPT);
        assertThat(integrations.list(ME)).extracting(IntegrationView::label).containsExactly("Family", "School");
    }

    IntegrationView add(String label, String path) {
        return integrations.create(ME, label, new CalendarFeedSettings(Secret.of("http://127.0.0.1:" + FEEDS.port() + path),
                null, null), CheckResult.connected("Connected"));
    }

    IntegrationStatus status(IntegrationView integration) {
        return integrations.get(ME, integration.id()).status();
    }

    /** Moves the clock on, then waits until every check due by then ran and every notice went out. */
    void passTime(Duration duration) {
        clock.advance(duration);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select (select count(*) from scheduled_tasks where task_name = 'integration-check'
                            and (picked or execution_time <= ?))
                     + (select count(*) from integration_notice where outcome is null)""",
                Integer.class, Timestamp.from(clock.instant())) == 0);
    }

    void type(String line) throws IOException {
        typed.write(line + "\n");
        typed.flush();
    }

    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The terminal's notifier, as a Plugboard without a Discord token has it (the tests start no terminal of their own). */
    @TestConfiguration(proxyBeanMethods = false)
    static class TerminalChat {
        @Bean
        ConsoleNotifier consoleNotifier() {
            return new ConsoleNotifier(new ConsoleProperties(true, ME.value()));
        }
    }
}
