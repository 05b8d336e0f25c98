package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.testsupport.ScriptedProbes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@DisplayName("A command typed while the terminal asks for a value")
class ConsoleCommandAtPromptTest {

    static final UserId ME = new UserId(1);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    @Test
    @DisplayName("at the question for a missing label: the add is dropped and the command runs")
    void commandInsteadOfLabel() {
        // GIVEN Work mail exists
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));

        // WHEN the person adds with an empty label, then types another command at the label question, and confirms it
        String output = converse(
                "/integration add type:imap label:",
                "/integration delete integration:Work mail",
                "1");

        // THEN the add was dropped, saying so, and the delete ran
        assertThat(output).contains("Form closed, nothing was sent; running /integration delete.",
                "Delete Work mail?", "🗑️ Deleted Work mail.").doesNotContain("── Add IMAP mail");
        // AND nothing was stored under the command's text; Work mail is gone
        assertThat(integrations.list(ME)).isEmpty();
    }

    @Test
    @DisplayName("in a form: the form is closed, nothing is sent, and the command runs")
    void commandInsideForm() {
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));

        String output = converse(
                "/integration add type:imap label:Home mail",
                "alice@example.com",
                "/integration list",
                "/quit");

        assertThat(output).contains("── Add IMAP mail: Home mail ──",
                "Form closed, nothing was sent; running /integration list.", "Your integrations (1)", "Bye.")
                .doesNotContain("Checking the connection");
        assertThat(integrations.list(ME)).extracting(IntegrationView::label).containsExactly("Work mail");
    }

    @Test
    @DisplayName("values that merely start with a slash stay values; a doubled slash types a command word as a value")
    void slashValues() {
        String output = converse(
                "/integration add type:imap label:Home mail",
                "//integration", "/not-a-command", "imap.example.com", "", "");

        assertThat(output).contains("✅ Home mail is connected.").doesNotContain("Form closed");
        IntegrationView stored = integrations.list(ME).get(0);
        ImapSettings settings = (ImapSettings) integrations.settings(ME, stored.id());
        assertThat(settings.username()).isEqualTo("/integration");
        assertThat(settings.password()).isEqualTo(Secret.of("/not-a-command"));
    }

    private String converse(String... lines) {
        return TerminalDriver.converse(router, ME, lines);
    }
}
