package app.plugboard.integration.imap;

import static app.plugboard.integration.imap.ImapSecurity.IMPLICIT_TLS;
import static app.plugboard.integration.imap.ImapSecurity.STARTTLS;
import static app.plugboard.integration.imap.MailFixture.imap;
import static app.plugboard.integration.imap.MailFixture.withSmtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.net.BlockedDestinationException;
import app.plugboard.net.CheckedAddress;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import app.plugboard.testsupport.StubResolver;
import app.plugboard.testsupport.mail.FullBacklog;
import app.plugboard.testsupport.mail.ImapScripts;
import app.plugboard.testsupport.mail.StartTlsFront;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Mail connections: the private-address guard, the socket factories and the TLS settings")
class MailConnectionSafetyTest {

    static final String PASSWORD = "pw-for-the-guard-tests";
    static TestMailServer mail;

    @BeforeAll
    static void startMail() {
        mail = TestMailServer.start();
        mail.user("alice@example.com", PASSWORD);
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @Test
    @DisplayName("with loopback not allowed, a GreenMail on 127.0.0.1 receives zero connections, whatever form the host takes")
    void loopbackBlocked() {
        try (StartTlsFront counter = StartTlsFront.start(StartTlsFront.Mode.RELAY, mail.imapsPort());
             StartTlsFront smtpCounter = StartTlsFront.start(StartTlsFront.Mode.RELAY, mail.smtpsPort());
             MailFixture open = MailFixture.standard();
             MailFixture closed = MailFixture.loopbackBlocked()) {
            // GIVEN a counter in front of GreenMail that works when loopback is allowed (tests only)
            CheckResult allowed = open.probe.check(imap("alice@example.com", PASSWORD, "localhost", counter.port(), IMPLICIT_TLS));
            assertThat(allowed.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(counter.connections()).isEqualTo(1);

            // WHEN Plugboard as configured by default checks it under every name for 127.0.0.1
            List<CheckResult> results = new ArrayList<>();
            for (String host : List.of("localhost", "127.0.0.1", "127.1", "2130706433", "0x7f000001", "127.0.0.1.")) {
                ImapSettings settings = imap("alice@example.com", PASSWORD, host, counter.port(), IMPLICIT_TLS);
                CheckResult result = closed.probe.check(settings);
                results.add(result);

                // THEN each is refused with the words of an unreachable server
                assertThat(result.message()).as(host).isEqualTo("Could not reach " + host + ":" + counter.port()
                        + ": check the IMAP server and port; if they are right, the server may be down, so try again later.");
                assertThat(result.status()).isEqualTo(IntegrationStatus.FAILING);
            }
            // AND an SMTP server on loopback is refused the same way (the IMAP part is allowed here to reach SMTP)
            CheckResult smtp = open.probe.check(withSmtp(
                    imap("alice@example.com", PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS), "localhost", smtpCounter.port()));
            assertThat(smtp.status()).isEqualTo(IntegrationStatus.CONNECTED);
            CheckResult smtpClosed = closed.probe.check(withSmtp(
                    imap("alice@example.com", PASSWORD, "localhost", counter.port(), IMPLICIT_TLS), "localhost", smtpCounter.port()));
            assertThat(smtpClosed.status()).isEqualTo(IntegrationStatus.FAILING);

            // AND not one more connection reached the servers
            assertThat(counter.connections()).isEqualTo(1);
            assertThat(smtpCounter.connections()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("refused, timed out and blocked connections read exactly the same (no port-scanning oracle)")
    void sameWordsForRefusedTimedOutAndBlocked() throws Exception {
        // GIVEN a short connect timeout, a port nobody listens on, a port that drops connection attempts, and a blocked host
        ImapProperties quick = TestTls.timeouts(Duration.ofMillis(500), MailFixture.READ, MailFixture.DEADLINE);
        try (MailFixture fixture = MailFixture.with(quick);
             MailFixture blocking = MailFixture.loopbackBlocked();
             FullBacklog dropping = ImapScripts.fullBacklog()) {
            int refusing = ImapProbeTest.closedPort();

            // WHEN each is checked
            long started = System.nanoTime();
            CheckResult timedOut = fixture.probe.check(imap("alice@example.com", PASSWORD, "localhost", dropping.port(), IMPLICIT_TLS));
            Duration tookTimedOut = Duration.ofNanos(System.nanoTime() - started);
            CheckResult refused = fixture.probe.check(imap("alice@example.com", PASSWORD, "localhost", refusing, IMPLICIT_TLS));
            CheckResult blocked = blocking.probe.check(imap("alice@example.com", PASSWORD, "localhost", refusing, IMPLICIT_TLS));

            // THEN the three say the same, with the same status and field
            String expected = "Could not reach localhost:PORT: check the IMAP server and port; if they are right, the "
                    + "server may be down, so try again later.";
            assertThat(timedOut.message().replace(":" + dropping.port(), ":PORT")).isEqualTo(expected);
            assertThat(refused.message().replace(":" + refusing, ":PORT")).isEqualTo(expected);
            assertThat(blocked.message().replace(":" + refusing, ":PORT")).isEqualTo(expected);
            assertThat(List.of(timedOut, refused, blocked)).extracting(CheckResult::status).containsOnly(IntegrationStatus.FAILING);
            assertThat(List.of(timedOut, refused, blocked)).extracting(CheckResult::field).containsOnly(ImapSettings.PORT);
            // AND the timeout was the configured connect timeout
            assertThat(tookTimedOut).isBetween(Duration.ofMillis(450), Duration.ofSeconds(4));
        }
    }

    @Nested
    @DisplayName("socket factory fallback")
    class Fallback {

        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

        /** Angus' session for a socket factory that refuses loopback, as Plugboard builds it, with fallback as given. */
        Properties refusingFactory(MailConnector connector, int port, boolean fallback) {
            DestinationGuard strict = new DestinationGuard(new StubResolver(), List.of());
            CheckedAddress pinned = new CheckedAddress("localhost", InetAddress.getLoopbackAddress(), port);
            MailConnection connection = new MailConnection(pinned, strict, TlsTrust.jdkOnly().socketFactory(), timers,
                    Duration.ofSeconds(10));
            MailEndpoint endpoint = new MailEndpoint(MailEndpoint.Kind.IMAP, "localhost", port, false, "alice@example.com", null);
            Properties properties = connector.angusProperties(endpoint, connection);
            properties.put("mail.imap.socketFactory.fallback", Boolean.toString(fallback));
            return properties;
        }

        @Test
        @DisplayName("must stay off: with it on, Angus Mail connects around a socket factory that refuses")
        void fallbackGoesAroundTheFactory() {
            try (StartTlsFront counter = StartTlsFront.start(StartTlsFront.Mode.RELAY, mail.imapPort());
                 MailFixture fixture = MailFixture.standard()) {
                // GIVEN a socket factory that refuses the address, and Angus' default fallback (on)
                Properties withFallback = refusingFactory(fixture.connector, counter.port(), true);

                // WHEN Angus connects
                catchThrowableOfType(MessagingException.class, () -> connect(withFallback, counter.port()));

                // THEN a plain socket of Angus' own reached the server anyway: the guard was bypassed
                assertThat(counter.connections()).isEqualTo(1);
            } finally {
                timers.shutdownNow();
            }
        }

        @Test
        @DisplayName("off, as Plugboard sets it: the refusing factory's answer stands and no connection is made")
        void noFallback() {
            try (StartTlsFront counter = StartTlsFront.start(StartTlsFront.Mode.RELAY, mail.imapPort());
                 MailFixture fixture = MailFixture.standard()) {
                Properties asPlugboard = refusingFactory(fixture.connector, counter.port(), false);
                assertThat(fixture.connector.angusProperties(
                        new MailEndpoint(MailEndpoint.Kind.IMAP, "localhost", 1, false, "a", null),
                        new MailConnection(new CheckedAddress("localhost", InetAddress.getLoopbackAddress(), 1),
                                fixture.guard, TlsTrust.jdkOnly().socketFactory(), timers, Duration.ofSeconds(1)))
                        .getProperty("mail.imap.socketFactory.fallback")).isEqualTo("false");

                MessagingException refused = catchThrowableOfType(MessagingException.class,
                        () -> connect(asPlugboard, counter.port()));

                assertThat(MailProblems.chain(refused)).anyMatch(BlockedDestinationException.class::isInstance);
                assertThat(counter.connections()).isZero();
            } finally {
                timers.shutdownNow();
            }
        }

        private void connect(Properties properties, int port) throws MessagingException {
            Store store = Session.getInstance(properties).getStore("imap");
            try {
                store.connect("127.0.0.1", port, "alice@example.com", PASSWORD);
            } finally {
                if (store.isConnected()) {
                    store.close();
                }
            }
        }
    }

    @Test
    @DisplayName("Angus Mail's settings: checked certificates and names, no fallback, STARTTLS required, every timeout, no debug of logins, reading marks nothing read")
    void angusProperties() throws Exception {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try (MailFixture fixture = MailFixture.standard()) {
            MailConnection connection = new MailConnection(
                    new CheckedAddress("imap.example.com", InetAddress.getLoopbackAddress(), 143),
                    fixture.guard, TlsTrust.jdkOnly().socketFactory(), timers, Duration.ofSeconds(1));
            for (MailEndpoint endpoint : List.of(
                    new MailEndpoint(MailEndpoint.Kind.IMAP, "imap.example.com", 143, false, "a", null),
                    new MailEndpoint(MailEndpoint.Kind.IMAP, "imap.example.com", 993, true, "a", null),
                    new MailEndpoint(MailEndpoint.Kind.SMTP, "smtp.example.com", 587, false, "a", null),
                    new MailEndpoint(MailEndpoint.Kind.SMTP, "smtp.example.com", 465, true, "a", null))) {
                Properties properties = fixture.connector.angusProperties(endpoint, connection);
                String prefix = "mail." + endpoint.protocol();

                assertThat(properties.getProperty(prefix + ".ssl.checkserveridentity")).isEqualTo("true");
                assertThat(properties.getProperty(prefix + ".socketFactory.fallback")).isEqualTo("false");
                // the sockets Angus gets connect to the checked address only, and TLS is layered only over those
                SocketFactory plain = (SocketFactory) properties.get(prefix + ".socketFactory");
                try (Socket socket = plain.createSocket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getByName("192.0.2.1"),
                            endpoint.port()), 1_000)).as(prefix + ".socketFactory to another address")
                            .isInstanceOf(BlockedDestinationException.class);
                }
                SSLSocketFactory tls = (SSLSocketFactory) properties.get(prefix + ".ssl.socketFactory");
                try (Socket unconnected = new Socket()) {
                    assertThatThrownBy(() -> tls.createSocket(unconnected, endpoint.host(), endpoint.port(), true))
                            .as(prefix + ".ssl.socketFactory over a socket not connected to the checked address")
                            .isInstanceOf(BlockedDestinationException.class);
                }
                assertThat(properties.getProperty(prefix + ".connectiontimeout")).isEqualTo("3000");
                assertThat(properties.getProperty(prefix + ".timeout")).isEqualTo("5000");
                assertThat(properties.getProperty(prefix + ".writetimeout")).isEqualTo("5000");
                assertThat(properties.getProperty("mail.debug.auth")).isEqualTo("false");
                assertThat(properties.stringPropertyNames()).noneMatch(name -> name.contains("ssl.trust"));
                assertThat(properties.getProperty(prefix + ".starttls.required"))
                        .isEqualTo(endpoint.implicitTls() ? null : "true");
                assertThat(properties.getProperty(prefix + ".peek"))
                        .isEqualTo(endpoint.kind() == MailEndpoint.Kind.IMAP ? "true" : null);
            }
        } finally {
            timers.shutdownNow();
        }
    }
}
