package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An integration stored by an earlier Plugboard, of a type this one no longer has (its package was removed):
 * the conversation lists it, says it can only be deleted, and deletes it; nothing fails.
 */
@SpringBootTest
@CleanDatabase
@DisplayName("An integration of a type this Plugboard no longer knows: listed, delete only")
class UnknownTypeConversationTest {

    static final UserId ME = new UserId(5);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    SecretCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("list shows it as an unknown type; check and edit say it can only be deleted; delete deletes it")
    void deleteOnly() {
        // GIVEN a stored EXCHANGE integration, a type this Plugboard has no package for, and an IMAP mailbox
        IntegrationId old = IntegrationId.random();
        Timestamp then = Timestamp.from(Instant.parse("2026-11-20T10:00:00Z"));
        jdbc.update("insert into integration (id, owner_id, type, label, status, settings, secrets, version, created_at, updated_at) "
                        + "values (?, ?, 'EXCHANGE', 'Old mail', 'CONNECTED', ?::jsonb, ?, 0, ?, ?)",
                old.value(), ME.value(), "{\"kind\": \"EXCHANGE\", \"address\": \"alice@exchange.example.com\"}",
                cipher.encrypt("{\"refreshToken\":\"tok\"}", "integration/" + ME + "/" + old), then, then);
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));

        // WHEN the person lists, checks and edits it, then deletes it from the edit answer
        String output = TerminalDriver.converse(router, ME,
                "/integration list",
                "/integration check integration:Old mail",
                "/integration edit integration:Old mail",
                "1",                                             // Delete
                "1");                                            // Delete (confirmed)

        // THEN the list names it for what it is, beside the mailbox
        assertThat(output).contains("Old mail", "Unknown type · connected",
                "This Plugboard no longer knows its type (EXCHANGE): you can only delete it.", "Work mail", "IMAP mail");
        // AND a check and an edit say why nothing but a delete is possible, and offer the delete
        assertThat(output).contains("\"Old mail\" is of a type this Plugboard no longer knows, so it can't be checked or changed. "
                        + "You can only delete it.",
                "is of a type this Plugboard no longer knows (EXCHANGE), so it can't be changed or checked. You can delete it.",
                "[1] Delete   [2] All integrations");
        // AND the delete is asked for and done; the mailbox stays
        assertThat(output).contains("Delete Old mail?", "🗑️ Deleted Old mail.");
        assertThat(integrations.list(ME)).extracting(IntegrationView::label).containsExactly("Work mail");
        assertThat(jdbc.queryForObject("select count(*) from integration where type = 'EXCHANGE'", Long.class)).isZero();
    }
}
