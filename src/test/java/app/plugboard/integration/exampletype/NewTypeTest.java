package app.plugboard.integration.exampletype;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.exampletype.NotesType.NotesSettings;
import app.plugboard.testsupport.CleanDatabase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The checklist of the README, run: a type added by a package of its own, without a change anywhere else. */
@SpringBootTest
@CleanDatabase
@Import(NotesType.class)
@DisplayName("A new integration type is a package of its own")
class NewTypeTest {

    static final UserId ME = new UserId(7);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("the chat offers it, adds it through its form and probe, lists it with its summary, and stores it in its format")
    void addedLikeAnyOther() {
        // WHEN a person asks for a type that does not exist, then adds Notes through its form
        String output = TerminalDriver.converse(router, ME,
                "/integration add type:nothing label:Ideas",
                "/integration add type:notes label:Ideas",
                "https://notes.example.com/alice", "tok-123",
                "/integration list");

        // THEN Notes is offered after the built-in types, its form asked, its probe ran, and the list shows it
        assertThat(output).contains("Pick one of: IMAP mail (imap), Gmail (gmail), Outlook / Microsoft 365 (outlook), Calendar (calendar), Notes (notes).",
                "── Add Notes: Ideas ──", "Address of your notes: ", "Token: ",
                "✅ Ideas is connected.", "Read 12 notes at https://notes.example.com/alice.",
                "Ideas: Notes · connected", "notes at https://notes.example.com/...");
        // AND it is stored under its type, in its own format, the token encrypted
        IntegrationView ideas = integrations.list(ME).get(0);
        assertThat(integrations.settings(ME, ideas.id()))
                .isEqualTo(new NotesSettings("https://notes.example.com/alice", Secret.of("tok-123")));
        Map<String, Object> row = jdbc.queryForMap("select type, settings ->> 'kind' as kind, settings ->> 'at' as at, "
                + "settings ->> 'where' as form_key, secrets from integration");
        assertThat(row).containsEntry("type", "NOTES").containsEntry("kind", "NOTES")
                .containsEntry("at", "https://notes.example.com/alice").containsEntry("form_key", null);
        assertThat((String) row.get("secrets")).doesNotContain("tok-123");
    }
}
