package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.testsupport.ScriptedProbes;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@DisplayName("The terminal conversation (stdin piped)")
class ConsoleSessionTest {

    static final UserId ME = new UserId(1);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;

    @Test
    @DisplayName("add: one prompt per field, a connection check, and the integration stored connected")
    void addsImap() {
        // WHEN the person adds IMAP mail, answering the form line by line (port and security keep their defaults)
        String output = converse(
                "/integration add type:imap label:Work mail",
                "alice@example.com", "s3cret-pw", "imap.example.com", "", "");

        // THEN the form was asked field by field, the check ran, and the result shows real data
        assertThat(output).contains("── Add IMAP mail: Work mail ──", "Email address or username: ", "Password: ",
                "IMAP server (optional): ", "Port [993]: ", "[1] Implicit TLS (port 993)", "Checking the connection…",
                "✅ Work mail is connected.", "Connected as alice@example.com: INBOX 1,234 messages (5 unread), 12 folders.",
                ConsoleRenderer.ONLY_YOU, "Bye.");
        // AND the password never shows
        assertThat(output).doesNotContain("s3cret-pw");
        // AND it is stored, connected, with what was typed
        IntegrationView stored = onlyIntegration();
        assertThat(stored.label()).isEqualTo("Work mail");
        assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(integrations.settings(ME, stored.id())).isEqualTo(new ImapSettings("alice@example.com",
                Secret.of("s3cret-pw"), "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, null));
    }

    @Test
    @DisplayName("a refused login saves nothing and offers Try again, prefilled with everything but the password")
    void retryAfterRefusedLogin() {
        String output = converse(
                "/integration add type:imap label:Work mail",
                "alice@example.com", ScriptedProbes.WRONG_PASSWORD, "imap.example.com", "143", "2",
                "1",                       // Try again
                "", "right-pw", "", "", ""); // Enter keeps username, server, port and security

        assertThat(output).contains("❌ Work mail is not saved: The server refused the login: check the username and password.",
                "[1] Try again",
                "Email address or username [alice@example.com]: ", "IMAP server [imap.example.com] (optional): ", "Port [143]: ",
                "Choose 1-2 [2]: ", "✅ Work mail is connected.");
        assertThat(output).doesNotContain("Password [");
        IntegrationView stored = onlyIntegration();
        assertThat(integrations.settings(ME, stored.id())).isEqualTo(new ImapSettings("alice@example.com",
                Secret.of("right-pw"), "imap.example.com", 143, ImapSecurity.STARTTLS, null, null));
    }

    @Test
    @DisplayName("a value that is not valid is named, with what to do, and nothing is stored")
    void invalidValue() {
        String output = converse(
                "/integration add type:imap label:Work mail",
                "alice@example.com", "pw", "imap.example.com", "99x", "");

        assertThat(output).contains("⚠️ Please fix this and try again:", "Port must be a number (993 with implicit TLS, 143 with STARTTLS).",
                "[1] Try again");
        assertThat(integrations.list(ME)).isEmpty();
    }

    @Test
    @DisplayName("a label already in use is refused before the form opens")
    void duplicateLabel() {
        IntegrationView work = integrations.create(ME, "Work mail", SampleSettings.imap("pw"));

        String output = converse("/integration add type:imap label:WORK MAIL");

        assertThat(output).contains("You already have an integration labelled \"WORK MAIL\"").doesNotContain("── Add");
        assertThat(integrations.list(ME)).containsExactly(work);
    }

    @Test
    @DisplayName("list, pick one, edit, rename: the new label is stored")
    void listPickRename() {
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));
        integrations.create(ME, "Family", SampleSettings.feed("tok"));

        String output = converse(
                "/integration list",
                "2",          // Work mail in the select (sorted: Family, Work mail)
                "1",          // Edit
                "1",          // Rename
                "Office mail");

        assertThat(output).contains("Your integrations (2)", "[1] Family", "[2] Work mail",
                "┌─ ⚪ Work mail", "[1] Edit   [2] Check now   [3] Delete   [4] All integrations",
                "What would you like to change about Work mail", "── Rename Work mail ──", "New label [Work mail]: ",
                "✏️ Renamed Work mail to Office mail.");
        assertThat(integrations.list(ME)).extracting(IntegrationView::label).containsExactly("Family", "Office mail");
    }

    @Test
    @DisplayName("replace credentials: a wrong new password keeps the old one; a right one replaces it")
    void replaceCredentials() {
        IntegrationView work = integrations.create(ME, "Work mail", SampleSettings.imap("old-pw"));

        String output = converse(
                "/integration edit integration:Work mail",
                "2",                                              // Replace credentials
                "", ScriptedProbes.WRONG_PASSWORD, "", "", "",     // keep all but the password
                "1",                                              // Try again
                "", "new-pw", "", "", "");

        assertThat(output).contains("── New credentials: Work mail ──", "Leave empty to keep the one stored now.",
                "❌ Nothing was changed: Work mail keeps its current settings.", "✅ Updated Work mail.");
        assertThat(((ImapSettings) integrations.settings(ME, work.id())).password()).isEqualTo(Secret.of("new-pw"));
        assertThat(integrations.get(ME, work.id()).status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("a missing option is asked for, with the person's own integrations numbered")
    void asksForMissingOption() {
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));
        integrations.create(new UserId(99), "Someone else's", SampleSettings.imap("pw"));

        String output = converse("/integration check", "1");

        assertThat(output).contains("integration — Which of your integrations", "[1] Work mail · IMAP mail",
                "✅ Checked just now: Connected as alice@example.com").doesNotContain("Someone else's");
        assertThat(onlyIntegration().status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("delete asks first: cancel keeps it, confirm deletes it")
    void delete() {
        IntegrationView work = integrations.create(ME, "Work mail", SampleSettings.imap("pw"));

        String cancelled = converse("/integration delete integration:work mail", "2");
        assertThat(cancelled).contains("Delete Work mail?", "It cannot be undone.", "[1] Delete   [2] Cancel", "Nothing was deleted.");
        assertThat(integrations.list(ME)).containsExactly(work);

        String deleted = converse("/integration delete integration:Work mail", "1");
        assertThat(deleted).contains("🗑️ Deleted Work mail.");
        assertThat(integrations.list(ME)).isEmpty();
    }

    @Test
    @DisplayName("workflows: create one by labels, then deleting an integration it uses warns, and pauses it on confirm")
    void workflowsAndSafeDelete() {
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));
        IntegrationView family = integrations.create(ME, "Family", SampleSettings.feed("tok"));

        String output = converse(
                "/workflow create name:Morning digest integrations:Work mail, Family",
                "/workflow list",
                "/integration delete integration:Work mail",
                "1");

        assertThat(output).contains("✅ Created the workflow Morning digest. It uses Family, Work mail.",
                "Morning digest: ▶️ active · uses Family, Work mail",
                "Delete Work mail?", "Used by 1 workflow: Morning digest (active)",
                "It is paused and loses Work mail. Nothing else is deleted.",
                "[1] Delete and pause 1 workflow   [2] Cancel",
                "🗑️ Deleted Work mail. Paused 1 workflow: Morning digest.");
        assertThat(integrations.list(ME)).extracting(IntegrationView::label).containsExactly("Family");
        assertThat(workflows.list(ME)).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.PAUSED);
            assertThat(w.integrations()).containsExactly(family.id());
        });
    }

    @Test
    @DisplayName("delete with workflows: moving them to another integration of the same type")
    void moveWorkflows() {
        IntegrationView work = integrations.create(ME, "Work mail", SampleSettings.imap("pw"));
        IntegrationView home = integrations.create(ME, "Home mail", SampleSettings.imap("pw"));
        workflows.create(ME, "Invoices", java.util.Set.of(work.id()));

        String output = converse("/integration delete integration:Work mail", "3");

        assertThat(output).contains("Move it to another integration, then delete…", "[3] Home mail",
                "🗑️ Deleted Work mail. Moved 1 workflow to Home mail: Invoices.");
        assertThat(workflows.list(ME)).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE);
            assertThat(w.integrations()).containsExactly(home.id());
        });
    }

    @Test
    @DisplayName("unknown commands and numbers are explained; /quit and the end of input both leave")
    void guidance() {
        String output = converse("hello", "/integration frobnicate", "7", "/help", "/quit", "/integration list");

        assertThat(output).contains("I don't know /hello", "/integration has no subcommand frobnicate",
                "There are no choices to pick from right now.", "/integration add type:… label:… — Connect a new service",
                "Bye.").doesNotContain("You have no integrations yet");
        assertThat(converse()).contains("Bye.");
    }

    private String converse(String... lines) {
        return TerminalDriver.converse(router, ME, lines);
    }

    private IntegrationView onlyIntegration() {
        assertThat(integrations.list(ME)).hasSize(1);
        return integrations.list(ME).get(0);
    }
}
