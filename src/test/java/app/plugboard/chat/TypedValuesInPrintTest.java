package app.plugboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Records that carry what a person typed print secret values as ***")
class TypedValuesInPrintTest {

    static final UserId ALICE = new UserId(42);
    static final Map<String, String> TYPED = Map.of("username", "alice@example.com", "password", "hunter2-pw",
            "address", "https://calendar.example.com/private-TOKEN-4711/basic.ics");

    @Test
    @DisplayName("a form submitted in the terminal: field names kept, the values of the fields the form declared secret masked")
    void formSubmitWithDeclaredSecrets() {
        ChatEvent.FormSubmit submit = new ChatEvent.FormSubmit(ALICE, "int:submit:abc", TYPED, Set.of("password", "address"));

        assertThat(submit.toString()).contains("username=alice@example.com", "password=***", "address=***", "int:submit:abc")
                .doesNotContain("hunter2-pw", "private-TOKEN-4711");
        assertThat(submit.values()).isEqualTo(TYPED);
    }

    @Test
    @DisplayName("a form submitted in Discord (which does not say which fields were secret): every value masked")
    void formSubmitFromATransportThatCannotTell() {
        ChatEvent.FormSubmit submit = new ChatEvent.FormSubmit(ALICE, "int:submit:abc", TYPED);

        assertThat(submit.toString()).contains("username=***", "password=***", "address=***")
                .doesNotContain("alice@example.com", "hunter2-pw", "private-TOKEN-4711");
    }

    @Test
    @DisplayName("a form declares its secret fields, which can never hold a value, so a form never prints one")
    void formDeclaresSecrets() {
        Form form = new Form(ComponentId.of("int", "submit", "abc"), "Add", List.of(
                Form.Text.required("username", "Username", 100).prefilled("alice@example.com"),
                Form.Text.required("password", "Password", 100).asSecret()));

        assertThat(form.secretKeys()).containsExactly("password");
        assertThatThrownBy(() -> Form.Text.required("password", "Password", 100).asSecret().prefilled("hunter2-pw"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2-pw");
    }
}
