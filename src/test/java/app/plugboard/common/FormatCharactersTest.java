package app.plugboard.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.IntegrationService;
import app.plugboard.workflow.WorkflowService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Invisible formatting characters")
class FormatCharactersTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202E", "202A", "202D", "2066", "2067", "2068", "2069", "200E", "200F", "200B", "2060",
            "FEFF", "00AD", "061C", "E0041"})
    @DisplayName("bidi controls, zero-width spaces and invisible tags are found and stripped")
    void stripped(String hex) {
        String text = "Work" + Character.toString(Integer.parseInt(hex, 16)) + " mail";

        assertThat(FormatCharacters.present(text)).isTrue();
        assertThat(FormatCharacters.strip(text)).isEqualTo("Work mail");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
            "Work mail", "Caf\u00E9 \u2013 \u00FCber"})
    @DisplayName("joiners (emoji sequences, Persian and Indic writing) and ordinary text stay, and are accepted as labels and names")
    void kept(String text) {
        assertThat(FormatCharacters.present(text)).isFalse();
        assertThat(FormatCharacters.strip(text)).isEqualTo(text);
        assertThat(IntegrationService.validLabel(text)).isEqualTo(text);
        assertThat(WorkflowService.validName(text)).isEqualTo(text);
    }
}
