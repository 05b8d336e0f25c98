package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Form;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.ScriptedProbes;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one exception to "a new server needs the password again": a known provider's own SMTP server, which
 * Plugboard's provider table derives from the IMAP server the password was entered for (nobody editing can
 * choose it). Checks are stood in for: these servers are on the internet.
 */
@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@DisplayName("Sending mail through the provider's own SMTP server keeps the stored password")
class SameProviderTest {

    static final UserId ME = new UserId(1);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    SettingsForms forms;

    @Test
    @DisplayName("a Gmail mailbox sending through a relay: Sending mail left empty goes back to smtp.gmail.com without the password")
    void providersOwnSmtpServer() {
        // GIVEN a Gmail mailbox whose mail is sent through a relay of its own
        IntegrationView gmail = integrations.create(ME, "Gmail", new ImapSettings("alice@gmail.com", Secret.of("app-pw"),
                "imap.gmail.com", 993, ImapSecurity.IMPLICIT_TLS, "relay.example.com", 587));

        // WHEN the Sending mail form comes back with its fields emptied (the provider's server) and no password
        Form form = forms.open(ME, new FormDraft(FormDraft.Intent.SENDING, gmail.type(), gmail.kind(), gmail.label(),
                gmail.id(), gmail.version(), Map.of())).form();
        String token = SettingsForms.Submit.TYPE.decode(form.id()).orElseThrow().draft();
        Response answer = router.handle(new ChatEvent.FormSubmit(ME, new SettingsForms.Submit(token).componentId().encode(),
                Map.of("smtpServer", "", "smtpPort", "", "password", "")));
        String output = ((Response.Later) answer).work().get().text();

        // THEN it is checked and stored with Gmail's SMTP server and the stored password
        assertThat(output).contains("✅ Updated Gmail.");
        assertThat(integrations.settings(ME, gmail.id())).isEqualTo(new ImapSettings("alice@gmail.com", Secret.of("app-pw"),
                "imap.gmail.com", 993, ImapSecurity.IMPLICIT_TLS, "smtp.gmail.com", 465));
    }

    @Test
    @DisplayName("a mailbox at another server: a provider's SMTP server typed in is a new server like any other")
    void anotherProvidersServer() {
        // GIVEN a mailbox on its own server
        IntegrationView own = integrations.create(ME, "Own", new ImapSettings("alice@gmail.com", Secret.of("app-pw"),
                "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, null));

        // WHEN Gmail's SMTP server is typed with the password left empty
        String output = TerminalDriver.converse(router, ME, "/integration edit integration:Own", "3",
                "smtp.gmail.com", "465", "");

        // THEN the password is asked for again and nothing changes
        assertThat(output).contains("Password: the server changed, so type the password again");
        assertThat(((ImapSettings) integrations.settings(ME, own.id())).smtpServer()).isNull();
    }
}
