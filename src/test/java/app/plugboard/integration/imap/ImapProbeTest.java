package app.plugboard.integration.imap;

import static app.plugboard.integration.ImapSecurity.IMPLICIT_TLS;
import static app.plugboard.integration.ImapSecurity.STARTTLS;
import static app.plugboard.integration.imap.MailFixture.imap;
import static app.plugboard.integration.imap.MailFixture.withSmtp;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ImapSettings;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.testsupport.mail.LineIo;
import app.plugboard.testsupport.mail.ScriptedServer;
import app.plugboard.testsupport.mail.StartTlsFront;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.user.GreenMailUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ImapProbe: the IMAP connection check against real servers")
class ImapProbeTest {

    static final String PASSWORD = "correct-horse-9";
    static final AtomicInteger USERS = new AtomicInteger();
    static TestMailServer mail;

    MailFixture fixture = MailFixture.standard();

    @BeforeAll
    static void startMail() {
        mail = TestMailServer.start();
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    /** A fresh mailbox with three messages (one read) and two folders besides INBOX. */
    static String mailbox() {
        String address = "alice" + USERS.incrementAndGet() + "@example.com";
        GreenMailUser user = mail.user(address, PASSWORD);
        Date date = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
        mail.deliver(user, "bob@example.com", "Lunch?", "Shall we?", false, date);
        mail.deliver(user, "carol@example.com", "Report", "Attached.", false, date);
        mail.deliver(user, "dave@example.com", "Old news", "Seen it.", true, date);
        mail.folder(user, "Archive");
        mail.folder(user, "Sent");
        return address;
    }

    @Nested
    @DisplayName("success")
    class Success {

        @Test
        @DisplayName("over implicit TLS, with a certificate trusted through the configured trust store, shows real data")
        void implicitTls() {
            // GIVEN a mailbox on a TLS server whose certificate the operator's trust store vouches for
            String user = mailbox();

            // WHEN its settings are checked
            CheckResult result = fixture.probe.check(imap(user, PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS));

            // THEN it is connected and says what it found
            assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(result.message()).isEqualTo("Connected as " + user + ": INBOX 3 messages (2 unread), 3 folders.");
            assertThat(result.field()).isNull();
        }

        @Test
        @DisplayName("over STARTTLS (required) on a plain port")
        void startTls() {
            // GIVEN a mailbox behind a server that offers STARTTLS
            String user = mailbox();
            try (StartTlsFront front = StartTlsFront.start(StartTlsFront.Mode.IMAP_STARTTLS, mail.imapPort())) {

                // WHEN it is checked with STARTTLS
                CheckResult result = fixture.probe.check(imap(user, PASSWORD, "localhost", front.port(), STARTTLS));

                // THEN it is connected, through one connection
                assertThat(result.message()).isEqualTo("Connected as " + user + ": INBOX 3 messages (2 unread), 3 folders.");
                assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
                assertThat(front.connections()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("with an SMTP server, checks sending too, over implicit TLS and over STARTTLS")
        void sendsToo() {
            // GIVEN a mailbox reachable over implicit TLS and over STARTTLS, for IMAP and SMTP alike
            String user = mailbox();
            try (StartTlsFront imapFront = StartTlsFront.start(StartTlsFront.Mode.IMAP_STARTTLS, mail.imapPort());
                 StartTlsFront smtpFront = StartTlsFront.start(StartTlsFront.Mode.SMTP_STARTTLS, mail.smtpPort())) {

                // WHEN settings with an SMTP server are checked (on other ports than 465 and 587, SMTP uses IMAP's security)
                CheckResult overTls = fixture.probe.check(withSmtp(
                        imap(user, PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS), "localhost", mail.smtpsPort()));
                CheckResult overStartTls = fixture.probe.check(withSmtp(
                        imap(user, PASSWORD, "localhost", imapFront.port(), STARTTLS), "localhost", smtpFront.port()));

                // THEN both connect, and say that sending works
                assertThat(overTls.message()).endsWith("3 folders. Sending through localhost:" + mail.smtpsPort() + " works too.");
                assertThat(overTls.status()).isEqualTo(IntegrationStatus.CONNECTED);
                assertThat(overStartTls.message()).endsWith("3 folders. Sending through localhost:" + smtpFront.port() + " works too.");
                assertThat(overStartTls.status()).isEqualTo(IntegrationStatus.CONNECTED);
                assertThat(smtpFront.connections()).isEqualTo(1);
            }
        }

        @Test
        @DisplayName("numbers are shown with thousands separators and singular where it fits")
        void preview() {
            assertThat(ImapProbe.preview("alice@example.com", new ImapProbe.Inbox(1234, 5, 12)))
                    .isEqualTo("Connected as alice@example.com: INBOX 1,234 messages (5 unread), 12 folders.");
            assertThat(ImapProbe.preview("a@b.c", new ImapProbe.Inbox(1, 0, 1)))
                    .isEqualTo("Connected as a@b.c: INBOX 1 message (0 unread), 1 folder.");
        }
    }
}
