package app.plugboard.integration.imap;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.net.AddressRange;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.mail.TestMailServer;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.user.GreenMailUser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real IMAP check as the application wires it (configuration, guard, TLS, probe, checker,
 * storage), against GreenMail. Loopback is allowed here through test configuration only.
 */
@SpringBootTest
@CleanDatabase
@DisplayName("The IMAP check in the application, against GreenMail")
class ImapCheckServiceTest {

    static final UserId ALICE = new UserId(424_242L);
    static final TestMailServer MAIL = TestMailServer.start();

    @DynamicPropertySource
    static void mailSettings(DynamicPropertyRegistry registry) {
        registry.add("plugboard.network.allowed-ranges", () -> "127.0.0.0/8");
        // the trust store under its deprecated IMAP names, still accepted (OperatorTrustStoreTest uses the current ones)
        registry.add("plugboard.imap.trust-store", () -> TestTls.trustStore().toString());
        registry.add("plugboard.imap.trust-store-password", () -> TestTls.PASSWORD);
    }

    @Autowired
    ConnectionChecker checker;
    @Autowired
    IntegrationService integrations;
    @Autowired
    ImapProperties properties;
    @Autowired
    DestinationGuard guard;
    @Autowired
    TlsTrust trust;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    static ImapSettings settings(String user, String password) {
        return new ImapSettings(user, Secret.of(password), "localhost", MAIL.imapsPort(), ImapSecurity.IMPLICIT_TLS, null, null);
    }

    @Test
    @DisplayName("the settings come from configuration: the timeouts' defaults, the trust store (old names), the allowed range")
    void configuration() {
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.writeTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.debug()).isFalse();
        assertThat(trust.operatorStore()).contains(TestTls.trustStore().toString());
        assertThat(guard.allowedRanges()).containsExactly(AddressRange.parse("127.0.0.0/8"));
    }

    @Test
    @DisplayName("checking a stored integration records what the real server says, and a later refusal as an error")
    void checkNowRecords() {
        // GIVEN a stored integration for a working mailbox
        GreenMailUser user = MAIL.user("frank@example.com", "frank-pw");
        IntegrationView stored = integrations.create(ALICE, "Work mail", settings("frank@example.com", "frank-pw"));

        // WHEN it is checked
        ConnectionChecker.Checked checked = checker.checkNow(ALICE, stored.id());

        // THEN the real probe ran, and the status and its words are stored
        assertThat(checked.result().message()).isEqualTo("Connected as frank@example.com: INBOX 0 messages (0 unread), 1 folder.");
        assertThat(integrations.get(ALICE, stored.id()).status()).isEqualTo(IntegrationStatus.CONNECTED);

        // WHEN the password changes at the server and it is checked again
        user.setPassword("changed-elsewhere");
        ConnectionChecker.Checked again = checker.checkNow(ALICE, stored.id());

        // THEN it is stored as an error that says what to fix
        IntegrationView after = integrations.get(ALICE, stored.id());
        assertThat(after.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(after.statusReason()).isEqualTo("localhost refused the login for frank@example.com: check the username and password.");
        assertThat(again.result().field()).isEqualTo(ImapSettings.PASSWORD);
    }

    @Test
    @DisplayName("new credentials are checked before they replace the old: a wrong new password leaves the working one")
    void verifyThenSwap() {
        // GIVEN a connected integration
        MAIL.user("grace@example.com", "grace-pw");
        IntegrationView stored = integrations.create(ALICE, "Home mail", settings("grace@example.com", "grace-pw"),
                checker.check(settings("grace@example.com", "grace-pw")));
        assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);

        // WHEN a wrong new password is checked first, as the conversation does before replacing
        CheckResult candidate = checker.check(settings("grace@example.com", "typo-pw"));

        // THEN it is not usable, so nothing is replaced: the stored password still works
        assertThat(candidate.usable()).isFalse();
        assertThat(((ImapSettings) integrations.settings(ALICE, stored.id())).password()).isEqualTo(Secret.of("grace-pw"));
        assertThat(checker.checkNow(ALICE, stored.id()).result().status()).isEqualTo(IntegrationStatus.CONNECTED);
    }
}
