package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.calendar.TestCalDavServer;
import app.plugboard.testsupport.CleanDatabase;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Adding calendars in the terminal, with the real checks against servers on loopback (opened by test configuration). */
@SpringBootTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@CleanDatabase
@DisplayName("Calendars in the terminal, checked for real")
class ConsoleCalendarTest {

    static final UserId ME = new UserId(1);
    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("outlook-exchange.ics")));
    static final TestCalDavServer dav = new TestCalDavServer();

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    @AfterAll
    static void stop() {
        feeds.close();
        dav.close();
    }

    @Test
    @DisplayName("a webcal-style feed: prompts, the real check, the preview, stored")
    void feed() {
        String address = "http://127.0.0.1:" + feeds.port() + "/owa/calendar/secret-token/reachcalendar.ics";

        String output = converse("/integration add type:calendar label:Work", "1", address, "", "");

        assertThat(output).contains("── Add Calendar: Work ──", "[1] An iCal feed address", "Checking the connection…",
                "✅ Work is connected.", "Kalender: 2 events. Next:");
        IntegrationView stored = onlyIntegration();
        assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(integrations.settings(ME, stored.id())).isEqualTo(new CalendarFeedSettings(Secret.of(address), null, null));
    }

    @Test
    @DisplayName("CalDAV: the calendars become numbered choices; picking 'All calendars' stores that")
    void caldav() {
        String server = "http://127.0.0.1:" + dav.port();

        String output = converse("/integration add type:calendar label:Cloud", "2", server, "alice", TestCalDavServer.PASSWORD,
                "3");

        assertThat(output).contains("has 2 calendars.", "Which one should Cloud use?", "[1] Personal", "[2] Work 💼",
                "[3] All calendars", "✅ Cloud is connected.", "All 2 calendars: 3 events in the coming year.");
        IntegrationView stored = onlyIntegration();
        assertThat(stored.summary()).isEqualTo("alice on http://127.0.0.1/... (All calendars)");
        assertThat(integrations.settings(ME, stored.id())).isEqualTo(new CalDavSettings(server, "alice",
                Secret.of(TestCalDavServer.PASSWORD), null, "All calendars"));
    }

    private String converse(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
        new ConsoleSession(router, ME, new StreamTerminal(in, out)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private IntegrationView onlyIntegration() {
        assertThat(integrations.list(ME)).hasSize(1);
        return integrations.list(ME).get(0);
    }
}
