package app.plugboard.soak;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.ExpiredException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How the soak reads answers: what is an error, and what is a result rather than "in progress". */
@DisplayName("The soak's reading of answers")
class AnswersTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @DisplayName("the router's failure, an expired component, a database outage and the busy answers are errors; a refusal is not")
    void failures() {
        assertThat(Answers.failure(String.format(Locale.ROOT, ChatRouter.SOMETHING_WENT_WRONG, "AB12CD34")))
                .hasValueSatisfying(failure -> assertThat(failure.name()).isEqualTo("something went wrong"));
        assertThat(Answers.failure(ExpiredException.MESSAGE)).hasValueSatisfying(failure -> assertThat(failure.name()).isEqualTo("expired"));
        assertThat(Answers.failure("Plugboard's database is not reachable right now; nothing was changed. Try again in a minute."))
                .isPresent();
        assertThat(Answers.failure("Plugboard is very busy right now. Nothing was changed; try again in a minute.")).isPresent();
        assertThat(Answers.failure("You already have 2 checks running; wait for one to finish, then try again.")).isPresent();
        assertThat(Answers.failure("❌ Work mail is not saved: the server refused the password.")).isEmpty();
    }

    @Test
    @DisplayName("a check in progress and a deferred \"thinking…\" are not results; a card or a text is")
    void results() throws Exception {
        assertThat(Answers.isResult(JSON.readTree("{\"content\":\"Checking the connection…\"}"))).isFalse();
        assertThat(Answers.isResult(JSON.readTree("{\"content\":\"\",\"flags\":192}"))).isFalse();
        assertThat(Answers.isResult(JSON.readTree("{\"content\":\"\",\"embeds\":[{\"title\":\"Your integrations (1)\"}]}"))).isTrue();
        assertThat(Answers.isResult(JSON.readTree("{\"content\":\"✅ Work mail is connected.\"}"))).isTrue();
        assertThat(Answers.text(JSON.readTree("{\"content\":\"Hi\",\"embeds\":[{\"title\":\"T\",\"fields\":[{\"name\":\"N\",\"value\":\"V\"}]}]}")))
                .isEqualTo("Hi\nT\nN\nV");
    }
}
