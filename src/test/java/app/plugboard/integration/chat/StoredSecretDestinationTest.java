package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.mail.StartTlsFront;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A stored password goes only to the server it was entered for. Someone who holds a person's chat for a
 * minute points an edit at a server of their own and leaves the password empty ("keep it"): the edit is
 * refused before any connection, naming the field, and nothing is stored. Real servers on loopback count
 * what reaches them: GreenMail behind a connection counter, and HTTP servers that record every request.
 */
@SpringBootTest
@CleanDatabase
@DisplayName("A stored password goes only to the server it was entered for")
class StoredSecretDestinationTest {

    static final UserId ME = new UserId(1);
    static final String PASSWORD = "mailbox-pw-4711";
    /** As the terminal shows it (a message's lines are indented). */
    static final String REFUSAL = "⚠️ Nothing was changed. Please fix this and try again:\n"
            + "  Password: the server changed, so type the password again; "
            + "Plugboard only sends a stored password to the server it was entered for.";
    static final TestMailServer MAIL = TestMailServer.start();
    /** Another server, which nobody entered the password for. */
    static final TestMailServer ELSEWHERE = TestMailServer.start();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("plugboard.network.allowed-ranges", () -> "127.0.0.0/8");
        registry.add("plugboard.imap.trust-store", () -> TestTls.trustStore().toString());
        registry.add("plugboard.imap.trust-store-password", () -> TestTls.PASSWORD);
    }

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    final List<String> feedRequests = new CopyOnWriteArrayList<>();
    final List<String> otherRequests = new CopyOnWriteArrayList<>();
    LocalServer feedServer;
    LocalServer otherServer;

    @BeforeEach
    void start() {
        MAIL.user("alice@example.com", PASSWORD);
        ELSEWHERE.user("alice@example.com", PASSWORD);
        feedServer = LocalServer.http().on("/", exchange -> answerWithBasic(exchange, feedRequests));
        otherServer = LocalServer.http().on("/", exchange -> answerWithBasic(exchange, otherRequests));
    }

    @AfterEach
    void stop() {
        feedServer.close();
        otherServer.close();
    }

    @AfterAll
    static void stopMail() {
        MAIL.close();
        ELSEWHERE.close();
    }

    @Test
    @DisplayName("Sending mail: a new SMTP server with the password left empty is refused before any connection; typed, it is checked")
    void newSmtpServerNeedsThePassword() {
        // GIVEN a mailbox that sends through its own SMTP server, and another SMTP server behind a counter
        IntegrationView work = integrations.create(ME, "Work mail", new ImapSettings("alice@example.com",
                Secret.of(PASSWORD), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, "localhost", MAIL.smtpsPort()));
        Map<String, Object> before = storedRow();
        try (StartTlsFront elsewhere = StartTlsFront.start(StartTlsFront.Mode.RELAY, ELSEWHERE.smtpsPort())) {

            // WHEN the SMTP port is pointed at the other server and the password left empty
            String output = converse("/integration edit integration:Work mail", "3",
                    "", String.valueOf(elsewhere.port()), "");

            // THEN the form said a changed server needs the password, and the edit is refused, naming the field
            assertThat(output).contains("── Sending mail: Work mail ──", "Needed again when you change the server.",
                    REFUSAL, "[1] Try again");
            // AND not one connection reached the other server, and the stored row is exactly as it was
            assertThat(elsewhere.connections()).isZero();
            assertThat(storedRow()).isEqualTo(before);

            // WHEN the person tries again and types the password
            String retried = converse("/integration edit integration:Work mail", "3",
                    "", String.valueOf(elsewhere.port()), PASSWORD);

            // THEN the new server is checked with it and stored
            assertThat(retried).contains("✅ Updated Work mail.", "Sending through localhost:" + elsewhere.port() + " works too.")
                    .doesNotContain(PASSWORD);
            assertThat(elsewhere.connections()).isEqualTo(1);
            assertThat(integrations.settings(ME, work.id())).isEqualTo(new ImapSettings("alice@example.com",
                    Secret.of(PASSWORD), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, "localhost", elsewhere.port()));
        }
    }

    @Test
    @DisplayName("Replace credentials: another IMAP port with the password left empty is refused before any connection")
    void newImapPortNeedsThePassword() {
        // GIVEN a mailbox, and another IMAP server behind a counter
        integrations.create(ME, "Work mail", new ImapSettings("alice@example.com",
                Secret.of(PASSWORD), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null));
        Map<String, Object> before = storedRow();
        try (StartTlsFront elsewhere = StartTlsFront.start(StartTlsFront.Mode.RELAY, ELSEWHERE.imapsPort())) {

            // WHEN the port is changed and the password left empty
            String output = converse("/integration edit integration:Work mail", "2",
                    "", "", "", String.valueOf(elsewhere.port()), "");

            // THEN the form said so, the edit is refused, nothing reached the other server, nothing changed
            assertThat(output).contains("── New credentials: Work mail ──", "Needed again when you change the server.",
                    REFUSAL, "[1] Try again");
            assertThat(elsewhere.connections()).isZero();
            assertThat(storedRow()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("CalDAV: another server address with the password left empty is refused before any request")
    void newCalDavServerNeedsThePassword() {
        // GIVEN a CalDAV calendar on one server
        String stored = "http://127.0.0.1:" + feedServer.port() + "/remote.php/dav";
        integrations.create(ME, "Cloud", new CalDavSettings(stored, "alice", Secret.of(PASSWORD), null, "All calendars"));
        Map<String, Object> before = storedRow();

        // WHEN its address is changed to another server and the password left empty
        String output = converse("/integration edit integration:Cloud", "2",
                "http://127.0.0.1:" + otherServer.port() + "/remote.php/dav", "", "");

        // THEN the edit is refused before any request, and nothing changed
        assertThat(output).contains("── New address: Cloud ──", "Needed again when you change the server.", REFUSAL);
        assertThat(otherRequests).isEmpty();
        assertThat(feedRequests).isEmpty();
        assertThat(storedRow()).isEqualTo(before);
    }

    @Test
    @DisplayName("a feed behind a password: a new address on another server needs the password again; on the same server it keeps it")
    void feedPasswordStaysWithItsServer() {
        // GIVEN a feed behind HTTP Basic
        String stored = "http://127.0.0.1:" + feedServer.port() + "/private/family.ics";
        IntegrationView family = integrations.create(ME, "Family",
                new CalendarFeedSettings(Secret.of(stored), "alice", Secret.of(PASSWORD)));
        Map<String, Object> before = storedRow();

        // WHEN the address moves to another server and the password is left empty
        String moved = converse("/integration edit integration:Family", "2",
                "http://127.0.0.1:" + otherServer.port() + "/family.ics", "", "");

        // THEN it is refused before any request, and nothing changed
        assertThat(moved).contains("── New address: Family ──", REFUSAL);
        assertThat(otherRequests).isEmpty();
        assertThat(storedRow()).isEqualTo(before);

        // WHEN the address changes on the same server (the scheme typed in capitals, the port the same)
        String samePlace = "http://127.0.0.1:" + feedServer.port() + "/private/family-new.ics";
        String kept = converse("/integration edit integration:Family", "2",
                samePlace.replace("http://", "HTTP://"), "", "");

        // THEN the stored password goes with it, to the server it was entered for, and the new address is stored
        assertThat(kept).contains("✅ Updated Family.");
        assertThat(feedRequests).containsExactly("/private/family-new.ics " + basic());
        assertThat(((CalendarFeedSettings) integrations.settings(ME, family.id())).password()).isEqualTo(Secret.of(PASSWORD));
    }

    private String converse(String... lines) {
        return TerminalDriver.converse(router, ME, lines);
    }

    private Map<String, Object> storedRow() {
        return jdbc.queryForMap("select * from integration");
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void answerWithBasic(HttpExchange exchange, List<String> requests) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(exchange.getRequestURI().getPath() + " " + authorization);
        if (!basic().equals(authorization)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"calendar\"");
            LocalServer.send(exchange, 401, "text/plain", new byte[0]);
            return;
        }
        LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("outlook-exchange.ics"));
    }
}
