package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Control;
import app.plugboard.chat.Form;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.ScriptedProbes;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Forms sent with values their fields do not take (a forged client, a transport that does not enforce the form's
 * limits): each is refused by name, "Try again" still works, and nothing is stored. Found by the bad-input
 * properties ({@code app.plugboard.badinput}).
 */
@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@DisplayName("Form values a field does not take")
class FormInputLimitsTest {

    static final UserId ME = new UserId(1);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    @Test
    @DisplayName("Try again after a value longer than its field takes reopens the form with that field empty")
    void tryAgainAfterATooLongValue() {
        // GIVEN an IMAP form sent with a port of six digits (the field takes five)
        Form form = ((Response.ShowForm) router.handle(new ChatEvent.Command(ME, "integration", "add",
                Map.of("type", "imap", "label", "Work mail")))).form();
        Message refused = ((Response.Reply) router.handle(new ChatEvent.FormSubmit(ME, form.id().encode(), Map.of(
                "username", "alice@example.com", "password", "pw", "server", "imap.example.com", "port", "123456",
                "security", "IMPLICIT_TLS"), form.secretKeys()))).message();
        assertThat(refused.text()).isEqualTo("⚠️ Please fix this and try again:\nPort must be a number from 1 to 65535 "
                + "(usually 993 with implicit TLS, 143 with STARTTLS).");

        // WHEN Alice clicks Try again
        Control.Button tryAgain = (Control.Button) refused.rows().get(0).controls().get(0);
        Response again = router.handle(new ChatEvent.Click(ME, tryAgain.id().encode()));

        // THEN the form opens again with what she typed, but the port, which the field cannot show, is empty
        assertThat(again).as("%s", again).isInstanceOf(Response.ShowForm.class);
        Form reopened = ((Response.ShowForm) again).form();
        assertThat(text(reopened, "username").value()).isEqualTo("alice@example.com");
        assertThat(text(reopened, "server").value()).isEqualTo("imap.example.com");
        assertThat(text(reopened, "port").value()).isNull();
        // AND nothing is stored
        assertThat(integrations.list(ME)).isEmpty();
    }

    @Test
    @DisplayName("a form value with half a character (an unpaired surrogate, stored as ? otherwise) is refused, naming its field")
    void incompleteCharacters() {
        // GIVEN an IMAP form sent with a password and a login that hold half an emoji each
        Form form = ((Response.ShowForm) router.handle(new ChatEvent.Command(ME, "integration", "add",
                Map.of("type", "imap", "label", "Work mail")))).form();
        Response answer = router.handle(new ChatEvent.FormSubmit(ME, form.id().encode(), Map.of(
                "username", "alice\uD83D@example.com", "password", "pw\uDC00", "server", "imap.example.com", "port", "993",
                "security", "IMPLICIT_TLS"), form.secretKeys()));

        // THEN both fields are named, with what to do, and nothing is stored (what was checked would not be what is stored)
        assertThat(answer).as("%s", answer).isInstanceOf(Response.Reply.class);
        assertThat(((Response.Reply) answer).message().text()).isEqualTo("⚠️ Please fix this and try again:\n"
                + "Email address or username contains a broken character (half of an emoji or symbol): type it again.\n"
                + "Password contains a broken character (half of an emoji or symbol): type it again.");
        assertThat(integrations.list(ME)).isEmpty();
        // AND Try again reopens the form without the broken login, which could not be shown
        Control.Button tryAgain = (Control.Button) ((Response.Reply) answer).message().rows().get(0).controls().get(0);
        Form reopened = ((Response.ShowForm) router.handle(new ChatEvent.Click(ME, tryAgain.id().encode()))).form();
        assertThat(text(reopened, "username").value()).isNull();
        assertThat(text(reopened, "server").value()).isEqualTo("imap.example.com");
    }

    private static Form.Text text(Form form, String key) {
        return form.inputs().stream().filter(input -> input.key().equals(key)).map(Form.Text.class::cast).findFirst().orElseThrow();
    }
}
