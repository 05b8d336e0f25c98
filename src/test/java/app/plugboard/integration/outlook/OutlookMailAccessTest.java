package app.plugboard.integration.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.gmail.Browser;
import app.plugboard.integration.imap.MailAccess;
import app.plugboard.integration.imap.MailException;
import app.plugboard.integration.imap.MailSummary;
import app.plugboard.integration.imap.OutgoingMail;
import app.plugboard.integration.oauthmail.MailSignInTestBase;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("MailAccess for an Outlook integration: XOAUTH2 over IMAP and SMTP (587, STARTTLS)")
class OutlookMailAccessTest extends MailSignInTestBase {

    @Autowired
    MailAccess mail;

    IntegrationId home;

    @BeforeEach
    void givenAliceConnectedOutlook() {
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(linkFor("microsoft", ALICE, "Home", null))).body())
                .contains("Connected as alice@outlook.com");
        home = integrations.list(ALICE).get(0).id();
        notifier.clear();
    }

    @Test
    @DisplayName("sends from the account's address through Outlook's SMTP, with STARTTLS and a fresh access token (XOAUTH2)")
    void sends() throws Exception {
        // GIVEN the access token is about to expire
        OutlookSettings current = (OutlookSettings) integrations.settings(ALICE, home);
        integrations.renewCredentials(ALICE, home, current.withTokens(current.accessToken(), current.refreshToken(),
                Instant.now().plus(Duration.ofMinutes(1)), current.grantedScopes()));

        // WHEN a workflow sends through the integration
        mail.send(ALICE, home, new OutgoingMail(List.of("bob@example.com"), "Lunch?", "Tomorrow at noon."));

        // THEN the token was renewed first, and the message went out from alice@outlook.com to Bob (Outlook's SMTP
        // stand-in answers "530 STARTTLS first" to anything before STARTTLS, and Plugboard offers it XOAUTH2 only)
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
        MimeMessage[] received = outlook.received();
        assertThat(received).hasSize(1);
        assertThat(((InternetAddress) received[0].getFrom()[0]).getAddress()).isEqualTo("alice@outlook.com");
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("bob@example.com");
        assertThat(received[0].getSubject()).isEqualTo("Lunch?");
    }

    @Test
    @DisplayName("a token the SMTP server does not accept is refused: the mail is not sent, and the owner is told to check the integration")
    void sendRefused() {
        // GIVEN the mail server no longer accepts the token Microsoft issued (and renewals do not help)
        outlook.accept("alice@outlook.com", "a-token-nobody-has");
        microsoft.failNextTokenRequest(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS50173: revoked\"}");

        // WHEN a workflow sends through the integration
        MailException refused = catchThrowableOfType(MailException.class,
                () -> mail.send(ALICE, home, new OutgoingMail(List.of("bob@example.com"), "Hi", "Hello")));

        // THEN the server's refusal made Plugboard renew once; Microsoft said the grant is gone: nothing was sent
        assertThat(refused.result().status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(refused.result().message()).contains("Microsoft no longer accepts Plugboard's access");
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
        assertThat(outlook.received()).isEmpty();
        // AND the integration needs re-authentication, its tokens dropped, and the owner was told once
        assertThat(integrations.get(ALICE, home).status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(((OutlookSettings) integrations.settings(ALICE, home)).hasTokens()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> !notifier.notices().isEmpty());
        assertThat(notifier.notices()).singleElement().satisfies(notice -> assertThat(notice.message().text())
                .contains("**Home** (Outlook / Microsoft 365) needs you to sign in again:"));
    }

    @Test
    @DisplayName("reads the newest messages over IMAP with XOAUTH2")
    void reads() {
        // WHEN a workflow reads the two newest messages THEN they come newest first
        List<MailSummary> recent = mail.recent(ALICE, home, "INBOX", 2);

        assertThat(recent).extracting(MailSummary::subject).containsExactly("Message 2", "Message 1");
    }

    @Test
    @DisplayName("an integration that needs re-authentication: a MailException that says so, nothing sent")
    void needsReauthentication() {
        // GIVEN Microsoft's grant was dropped earlier (no tokens are stored)
        OutlookSettings current = (OutlookSettings) integrations.settings(ALICE, home);
        integrations.renewCredentials(ALICE, home, current.withTokens(null, null, null, current.grantedScopes()));

        // WHEN a workflow sends THEN it is refused before any connection, and Microsoft is not asked
        MailException refused = catchThrowableOfType(MailException.class,
                () -> mail.send(ALICE, home, new OutgoingMail(List.of("bob@example.com"), "Hi", "Hello")));

        assertThat(refused.result().status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(microsoft.tokenCalls("refresh_token")).isEmpty();
        assertThat(outlook.received()).isEmpty();
    }
}
