package app.plugboard.integration;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as configured by an operator whose servers have a CA of their own: one setting,
 * {@code PLUGBOARD_TRUST_STORE} (+ {@code _PASSWORD}), and both a mail server and a calendar server with
 * certificates from that CA (the test CA, for "localhost") connect. Loopback is allowed through test
 * configuration only. (Gmail's IMAP trusts the same store: the Gmail tests run against a stand-in whose
 * certificate comes from the test CA.)
 */
@SpringBootTest(properties = "plugboard.network.allowed-ranges=127.0.0.0/8")
@DisplayName("One operator trust store for mail and calendars")
class OperatorTrustStoreTest {

    static final TestMailServer MAIL = TestMailServer.start();
    static final LocalServer CALENDAR = LocalServer.https(TestTls.serverContext())
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar; charset=utf-8",
                    CalendarParsingTest.resource("google-family.ics")));

    @DynamicPropertySource
    static void trustStore(DynamicPropertyRegistry registry) {
        TestTls.trustedBy(registry);
    }

    @Autowired
    ConnectionChecker checker;

    @AfterAll
    static void stopServers() {
        MAIL.close();
        CALENDAR.close();
    }

    @Test
    @DisplayName("an IMAP and SMTP server with a certificate from the operator's CA connects")
    void mail() {
        // GIVEN a mailbox on a server whose certificate comes from the operator's CA
        MAIL.user("heidi@example.com", "heidi-pw");

        // WHEN its IMAP and SMTP servers are checked
        CheckResult result = checker.check(new ImapSettings("heidi@example.com", Secret.of("heidi-pw"), "localhost",
                MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, "localhost", MAIL.smtpsPort()));

        // THEN both connect
        assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(result.message()).startsWith("Connected as heidi@example.com: INBOX 0 messages");
    }

    @Test
    @DisplayName("an https calendar (a self-hosted Nextcloud with a home CA, say) is read with the same store")
    void calendar() {
        // GIVEN a feed on a server whose certificate comes from the operator's CA
        CalendarFeedSettings feed = new CalendarFeedSettings(
                Secret.of("https://localhost:" + CALENDAR.port() + "/calendar/private-token/basic.ics"), null, null);

        // WHEN it is checked
        CheckResult result = checker.check(feed);

        // THEN it is read
        assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(result.message()).startsWith("Familie Müller: 3 events. Next:");
    }
}
