package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.testsupport.CleanDatabase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The chat names the types from what the type packages contribute, in their order: IMAP mail, Gmail, Calendar. */
@SpringBootTest
@CleanDatabase
@DisplayName("The types the conversation offers, in their order")
class OfferedTypesConversationTest {

    static final UserId ME = new UserId(6);

    @Autowired
    ChatRouter router;

    @Test
    @DisplayName("an empty list and an unknown type name the types; autocomplete offers them in the same order")
    void typesNamedInOrder() {
        // WHEN a person with no integration lists them, then asks for a type that does not exist
        String output = TerminalDriver.converse(router, ME, "/integration list", "/integration add type:fax label:Office");

        // THEN both answers name the types, in order
        assertThat(output).contains("You have no integrations yet. Connect one with /integration add: "
                        + "pick a type (IMAP mail, Gmail, Outlook / Microsoft 365 or Calendar) and give it a label.",
                "I don't know the type \"fax\". Pick one of: IMAP mail (imap), Gmail (gmail), Outlook / Microsoft 365 (outlook), Calendar (calendar).");

        // WHEN the type option is autocompleted with nothing typed yet
        Response answer = router.handle(new ChatEvent.Autocomplete(ME, "integration", "add", "type", Map.of("type", "")));

        // THEN every type is offered, in the same order, by the key a person types
        assertThat(((Response.Suggestions) answer).suggestions()).extracting(Suggestion::value)
                .containsExactly("imap", "gmail", "outlook", "calendar");
    }
}
