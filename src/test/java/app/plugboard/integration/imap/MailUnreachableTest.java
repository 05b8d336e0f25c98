package app.plugboard.integration.imap;

import static app.plugboard.integration.imap.ImapSecurity.IMPLICIT_TLS;
import static app.plugboard.integration.imap.MailFixture.imap;
import static app.plugboard.integration.imap.MailFixture.withSmtp;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.testsupport.mail.FullBacklog;
import app.plugboard.testsupport.mail.ImapScripts;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whether a host name exists, whether its address is blocked, whether a port is closed or drops packets:
 * none of it may show in what a person reads, or someone could map internal names and ports through the
 * bot. Loopback is open here (test configuration) so that the closed and the dropping port are reached.
 */
@DisplayName("Mail: an unknown name, a blocked address, a closed port and a silent port read exactly the same")
class MailUnreachableTest {

    static final String PASSWORD = "pw-for-the-unreachable-tests";
    static TestMailServer mail;

    MailFixture fixture;
    FullBacklog dropping;

    /** What the person is told about a destination. */
    enum Destination {
        UNKNOWN_NAME("a name that does not exist"),
        NAME_OF_A_PRIVATE_ADDRESS("a name that resolves to a private address"),
        PRIVATE_LITERAL("a private address typed as such"),
        CLOSED_PORT("a loopback port where nothing listens (loopback allowed by the test)"),
        DROPPING_PORT("a loopback port that drops connection attempts, so the connect times out");

        final String description;

        Destination(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeAll
    static void startMail() {
        mail = TestMailServer.start();
        mail.user("alice@example.com", PASSWORD);
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture = MailFixture.with(TestTls.timeouts(Duration.ofMillis(500), MailFixture.READ, MailFixture.DEADLINE));
        fixture.resolver.with("mail.lan.test", "192.168.1.20");
        dropping = ImapScripts.fullBacklog();
    }

    @AfterEach
    void tearDown() throws Exception {
        dropping.close();
        fixture.close();
    }

    record Target(String host, int port) {
    }

    Target target(Destination destination) {
        return switch (destination) {
            case UNKNOWN_NAME -> new Target("mail.nowhere.test", ImapProbeTest.closedPort());
            case NAME_OF_A_PRIVATE_ADDRESS -> new Target("mail.lan.test", ImapProbeTest.closedPort());
            case PRIVATE_LITERAL -> new Target("10.0.0.1", ImapProbeTest.closedPort());
            case CLOSED_PORT -> new Target("localhost", ImapProbeTest.closedPort());
            case DROPPING_PORT -> new Target("localhost", dropping.port());
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Destination.class)
    @DisplayName("as the IMAP server: \"could not reach host:port\", failing for now, the port field")
    void imapServer(Destination destination) {
        // GIVEN an IMAP server that cannot be used, for one of the reasons
        Target target = target(destination);

        // WHEN it is checked
        CheckResult result = fixture.probe.check(imap("alice@example.com", PASSWORD, target.host(), target.port(), IMPLICIT_TLS));

        // THEN the person reads the same words, status and field whatever the reason
        assertThat(result.message()).isEqualTo("Could not reach " + target.host() + ":" + target.port()
                + ": check the IMAP server and port; if they are right, the server may be down, so try again later.");
        assertThat(result.status()).isEqualTo(IntegrationStatus.FAILING);
        assertThat(result.field()).isEqualTo(ImapSettings.PORT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Destination.class)
    @DisplayName("as the SMTP server: the same words after \"Sending mail does not work\", failing for now")
    void smtpServer(Destination destination) {
        // GIVEN a working IMAP server and an SMTP server that cannot be used, for one of the reasons
        Target target = target(destination);
        ImapSettings settings = withSmtp(imap("alice@example.com", PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS),
                target.host(), target.port());

        // WHEN they are checked
        CheckResult result = fixture.probe.check(settings);

        // THEN the SMTP part reads the same whatever the reason
        assertThat(result.message()).isEqualTo("Sending mail does not work: Could not reach " + target.host() + ":"
                + target.port() + ": check the SMTP server and port; if they are right, the server may be down, so try again later.");
        assertThat(result.status()).isEqualTo(IntegrationStatus.FAILING);
        assertThat(result.field()).isEqualTo(ImapSettings.SMTP_SERVER);
    }
}
