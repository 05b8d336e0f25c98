package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Form;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.chat.FormPurpose;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The calendar form")
class CalendarFormsTest {

    static final String FEED = "https://calendar.example.com/private-TOKEN-4711/basic.ics";

    final CalendarForms forms = new CalendarForms();

    /** The calendar's kinds by their stored ids, as the parameters name them. */
    static @Nullable SettingsKind kind(@Nullable String id) {
        return id == null ? null : List.of(CalendarType.FEED, CalendarType.CALDAV).stream()
                .filter(kind -> kind.id().equals(id)).findFirst().orElseThrow();
    }

    Form.Text field(FormPurpose purpose, @Nullable SettingsKind kind, String key, Map<String, String> prefill) {
        List<Form.Input> fields = forms.inputs(purpose, kind, prefill);
        return (Form.Text) fields.stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {"ADD, none", "CHANGE_URL, CALENDAR_FEED"})
    @DisplayName("a feed address is declared secret wherever it can be typed, like a password: never prefilled")
    void feedAddressIsSecret(FormPurpose purpose, @Nullable String kind) {
        // WHEN the form is built, even from values that (wrongly) hold an address
        Form.Text address = field(purpose, kind(kind), CalendarForms.ADDRESS, Map.of(CalendarForms.ADDRESS, FEED));

        // THEN the address field is secret (no draft keeps it, the terminal does not echo it) and empty
        assertThat(address.secret()).isTrue();
        assertThat(address.value()).isNull();
    }

    @Test
    @DisplayName("a CalDAV server's address is no secret: a plain field, prefilled when editing")
    void caldavAddressIsPlain() {
        Form.Text address = field(FormPurpose.CHANGE_URL, CalendarType.CALDAV, CalendarForms.ADDRESS,
                Map.of(CalendarForms.ADDRESS, "https://cloud.example.com/remote.php/dav"));

        assertThat(address.secret()).isFalse();
        assertThat(address.value()).isEqualTo("https://cloud.example.com/remote.php/dav");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CALENDAR_FEED", "CALDAV"})
    @DisplayName("changing an address: the password field says a changed server needs it again")
    void passwordNeededForANewServer(String kind) {
        Form.Text password = field(FormPurpose.CHANGE_URL, kind(kind), CalendarForms.PASSWORD, Map.of());

        assertThat(password.secret()).isTrue();
        assertThat(password.description()).isEqualTo("Needed again when you change the server. Leave empty to keep the one stored now.");
    }
}
