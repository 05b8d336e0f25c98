package app.plugboard.integration.imap;

import static app.plugboard.integration.imap.ImapSecurity.IMPLICIT_TLS;
import static app.plugboard.integration.imap.ImapSecurity.STARTTLS;
import static app.plugboard.integration.imap.MailFixture.imap;
import static app.plugboard.integration.imap.MailFixture.withSmtp;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.net.TlsTrust;
import app.plugboard.testsupport.mail.ImapScripts;
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

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertResult(CheckResult result, IntegrationStatus status, String field, String message) {
        assertThat(result.message()).isEqualTo(message);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.field()).isEqualTo(field);
    }

    @Nested
    @DisplayName("failures: each says what to fix and names the field")
    class Failures {

        @Test
        @DisplayName("the same server, trusted only by the JDK's CAs: certificate not trusted")
        void defaultTrustRefuses() {
            // GIVEN Plugboard without the operator's trust store
            fixture.close();
            fixture = MailFixture.with(TestTls.timeouts(MailFixture.CONNECT, MailFixture.READ, MailFixture.DEADLINE), TlsTrust.jdkOnly());

            // WHEN the server with the test CA's certificate is checked
            CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS));

            // THEN its certificate is not trusted, and the person is told what that means
            assertResult(result, IntegrationStatus.ERROR, ImapSettings.SERVER, "The certificate of localhost is not trusted: "
                    + "it is self-signed or signed by an unknown authority. If this is a server with its own CA, the "
                    + "operator of this Plugboard can add that CA to its trust store.");
        }

        @Test
        @DisplayName("a trusted certificate for another name: certificate for another host")
        void certificateForAnotherHost() {
            // GIVEN a name (mail.test) that leads to the server whose certificate is for localhost
            CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "mail.test", mail.imapsPort(), IMPLICIT_TLS));

            assertResult(result, IntegrationStatus.ERROR, ImapSettings.SERVER, "The certificate of mail.test is for another "
                    + "server name: enter the IMAP server name exactly as your provider gives it.");
        }

        @Test
        @DisplayName("a certificate from the operator's CA that has expired: certificate expired, not \"not trusted\"")
        void expiredCertificate() {
            // GIVEN a server whose certificate, from the CA in the operator's trust store, expired long ago
            try (ScriptedServer expired = ScriptedServer.tls(TestTls.expiredServerContext(), ImapScripts.closeAfterCapability())) {
                // WHEN it is checked
                CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", expired.port(), IMPLICIT_TLS));

                // THEN the person is told it expired
                assertResult(result, IntegrationStatus.ERROR, ImapSettings.SERVER,
                        "The certificate of localhost has expired (or is not valid yet): its operator must renew it.");
            }
        }

        @Test
        @DisplayName("a wrong password: login refused, naming the password")
        void wrongPassword() {
            String user = mailbox();

            CheckResult result = fixture.probe.check(imap(user, "wrong-" + PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS));

            assertResult(result, IntegrationStatus.ERROR, ImapSettings.PASSWORD,
                    "localhost refused the login for " + user + ": check the username and password.");
        }

        @Test
        @DisplayName("an unknown user: login refused, the same way")
        void unknownUser() {
            CheckResult result = fixture.probe.check(imap("nobody@example.com", PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS));

            assertResult(result, IntegrationStatus.ERROR, ImapSettings.PASSWORD,
                    "localhost refused the login for nobody@example.com: check the username and password.");
        }

        @Test
        @DisplayName("a port where nothing listens: could not reach, failing for now")
        void wrongPort() {
            int port = closedPort();

            CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", port, IMPLICIT_TLS));

            assertResult(result, IntegrationStatus.FAILING, ImapSettings.PORT, "Could not reach localhost:" + port
                    + ": check the IMAP server and port; if they are right, the server may be down, so try again later.");
        }

        @Test
        @DisplayName("an unknown host: could not reach, like a closed port (whether a name exists is not told)")
        void unknownHost() {
            CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "imap.nowhere.test", 993, IMPLICIT_TLS));

            assertResult(result, IntegrationStatus.FAILING, ImapSettings.PORT, "Could not reach imap.nowhere.test:993"
                    + ": check the IMAP server and port; if they are right, the server may be down, so try again later.");
            assertThat(fixture.resolver.asked()).containsExactly("imap.nowhere.test");
        }

        @Test
        @DisplayName("a server that accepts and never greets: fails within the read timeout, as failing")
        void silentServer() {
            // GIVEN a read timeout of half a second, and servers that accept and say nothing
            fixture.close();
            fixture = MailFixture.with(TestTls.timeouts(MailFixture.CONNECT, Duration.ofMillis(500), MailFixture.DEADLINE));
            try (ScriptedServer silent = ScriptedServer.silent()) {
                for (var security : new ImapSecurity[] {STARTTLS, IMPLICIT_TLS}) {
                    // WHEN it is checked (waiting for the greeting, or for the TLS handshake)
                    long started = System.nanoTime();
                    CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", silent.port(), security));
                    Duration took = Duration.ofNanos(System.nanoTime() - started);

                    // THEN it gives up after the read timeout, as a problem that may pass
                    assertResult(result, IntegrationStatus.FAILING, ImapSettings.PORT, "localhost:" + silent.port()
                            + " accepted the connection but did not answer within 0.5 seconds: the server may be busy. Try again later.");
                    assertThat(took).as(security.name()).isBetween(Duration.ofMillis(450), Duration.ofSeconds(4));
                }
                assertThat(silent.connections()).isEqualTo(2);
            }
        }

        @Test
        @DisplayName("a server that hangs up after CAPABILITY: closed the connection, failing for now")
        void disconnectsAfterCapability() {
            try (ScriptedServer server = ScriptedServer.tls(app.plugboard.testsupport.mail.ImapScripts.closeAfterCapability())) {
                CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", server.port(), IMPLICIT_TLS));

                assertResult(result, IntegrationStatus.FAILING, ImapSettings.PORT, "localhost:" + server.port()
                        + " closed the connection during the check: the server may be busy or limiting connections. Try again later.");
            }
        }

        @Test
        @DisplayName("a server that answers like another protocol: not an IMAP server, naming the port")
        void notImap() {
            try (ScriptedServer server = ScriptedServer.tls(app.plugboard.testsupport.mail.ImapScripts.smtpGreeting())) {
                CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", server.port(), IMPLICIT_TLS));

                assertResult(result, IntegrationStatus.ERROR, ImapSettings.PORT, "localhost:" + server.port()
                        + " answered, but not as an IMAP server: check the port (usually 993 with implicit TLS, 143 with STARTTLS).");
            }
        }

        @Test
        @DisplayName("too many connections, at the login or in the greeting: failing for now, with what to do")
        void tooManyConnections() {
            try (ScriptedServer atLogin = ScriptedServer.tls(app.plugboard.testsupport.mail.ImapScripts.tooManyConnections());
                 ScriptedServer atGreeting = ScriptedServer.tls(app.plugboard.testsupport.mail.ImapScripts.byeGreeting())) {
                for (int port : new int[] {atLogin.port(), atGreeting.port()}) {
                    CheckResult result = fixture.probe.check(imap("alice@example.com", PASSWORD, "localhost", port, IMPLICIT_TLS));

                    assertResult(result, IntegrationStatus.FAILING, ImapSettings.PASSWORD, "localhost refused the login "
                            + "because too many connections are open for alice@example.com: close other mail apps or wait "
                            + "a few minutes, then try again.");
                }
            }
        }

        @Test
        @DisplayName("STARTTLS required but not offered: never logs in unencrypted, names the security")
        void startTlsNotOffered() {
            // GIVEN GreenMail's plain IMAP port, which offers no STARTTLS
            CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", mail.imapPort(), STARTTLS));

            assertResult(result, IntegrationStatus.ERROR, ImapSettings.SECURITY, "localhost:" + mail.imapPort()
                    + " does not offer STARTTLS, and Plugboard never logs in unencrypted: choose implicit TLS (usually port 993).");
        }

        @Test
        @DisplayName("implicit TLS against a plain port: no encrypted connection, names the security")
        void implicitTlsOnPlainPort() {
            CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", mail.imapPort(), IMPLICIT_TLS));

            assertResult(result, IntegrationStatus.ERROR, ImapSettings.SECURITY, "Could not set up an encrypted connection with localhost:"
                    + mail.imapPort() + ": check the port and the security (usually 993 with implicit TLS, 143 with STARTTLS).");
        }

        @Test
        @DisplayName("a server that answers a little at a time, forever: stopped at the total deadline")
        void deadline() {
            // GIVEN a read timeout of 1 s and a deadline of 1.5 s, and a server that says something every 200 ms
            fixture.close();
            fixture = MailFixture.with(TestTls.timeouts(MailFixture.CONNECT, Duration.ofSeconds(1), Duration.ofMillis(1500)));
            try (ScriptedServer server = ScriptedServer.tls(app.plugboard.testsupport.mail.ImapScripts.dribble(200))) {
                long started = System.nanoTime();

                CheckResult result = fixture.probe.check(imap(mailbox(), PASSWORD, "localhost", server.port(), IMPLICIT_TLS));

                assertResult(result, IntegrationStatus.FAILING, ImapSettings.PORT, "localhost:" + server.port()
                        + " did not finish within 1.5 seconds: the server may be busy. Try again later.");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
            }
        }

        @Test
        @DisplayName("SMTP problems: not connected, naming the SMTP server, though IMAP works")
        void smtpProblems() {
            // GIVEN a mailbox whose IMAP works
            String user = mailbox();
            ImapSettings overTls = imap(user, PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS);
            try (ScriptedServer refusing = ScriptedServer.tls(app.plugboard.testsupport.mail.ImapScripts.smtpRefusingLogin());
                 StartTlsFront imapFront = StartTlsFront.start(StartTlsFront.Mode.IMAP_STARTTLS, mail.imapPort())) {
                ImapSettings overStartTls = imap(user, PASSWORD, "localhost", imapFront.port(), STARTTLS);

                // WHEN the SMTP server refuses the login, presents a certificate for another name, or offers no STARTTLS
                CheckResult refused = fixture.probe.check(withSmtp(overTls, "localhost", refusing.port()));
                CheckResult otherName = fixture.probe.check(withSmtp(overTls, "mail.test", mail.smtpsPort()));
                CheckResult noStartTls = fixture.probe.check(withSmtp(overStartTls, "localhost", mail.smtpPort()));

                // THEN each says so, after "Sending mail does not work", naming the SMTP server field
                assertResult(refused, IntegrationStatus.ERROR, ImapSettings.SMTP_SERVER, "Sending mail does not work: "
                        + "localhost refused the login for " + user + ": check the username and password.");
                assertResult(otherName, IntegrationStatus.ERROR, ImapSettings.SMTP_SERVER, "Sending mail does not work: "
                        + "The certificate of mail.test is for another server name: enter the SMTP server name exactly as "
                        + "your provider gives it.");
                assertResult(noStartTls, IntegrationStatus.ERROR, ImapSettings.SMTP_SERVER, "Sending mail does not work: "
                        + "localhost:" + mail.smtpPort() + " does not offer STARTTLS, and Plugboard never logs in "
                        + "unencrypted: use port 465 (implicit TLS).");
            }
        }
    }
}
