package app.plugboard.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.InputProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kinds of settings Plugboard knows, by their stored names")
class SettingsFormatsTest {

    static final IntegrationType MAIL = new IntegrationType("MAIL", "Mail", "Any mailbox.");

    record MailSettings() implements IntegrationSettings {
        @Override
        public SettingsKind kind() {
            return new SettingsKind("MAIL", MAIL);
        }

        @Override
        public List<InputProblem> problems() {
            return List.of();
        }

        @Override
        public Map<String, SecretUse> secretUses() {
            return Map.of();
        }
    }

    static SettingsFormat<MailSettings> format(SettingsKind kind) {
        return new SettingsFormat<>() {
            @Override
            public SettingsKind kind() {
                return kind;
            }

            @Override
            public Class<MailSettings> settingsType() {
                return MailSettings.class;
            }

            @Override
            public StoredSettings write(MailSettings settings) {
                return StoredSettings.builder().build();
            }

            @Override
            public MailSettings read(StoredSettings stored) {
                return new MailSettings();
            }

            @Override
            public String summary(Map<String, String> plain) {
                return "a mailbox";
            }
        };
    }

    @Test
    @DisplayName("a stored type or kind is found by its id; a type no format declares is an unknown type, kept by its id")
    void lookups() {
        SettingsFormats formats = new SettingsFormats(List.of(format(new SettingsKind("MAIL", MAIL))));

        assertThat(formats.type("MAIL")).isEqualTo(MAIL);
        assertThat(formats.of("MAIL")).isPresent();
        assertThat(formats.of("OUTLOOK")).isEmpty();
        assertThat(formats.type("OUTLOOK")).isEqualTo(new IntegrationType("OUTLOOK", "Unknown type",
                "A type this Plugboard no longer knows."));
    }

    @Test
    @DisplayName("two formats for one stored kind, or one type id declared two ways, stop the start")
    void conflictsRefused() {
        assertThatThrownBy(() -> new SettingsFormats(List.of(format(new SettingsKind("MAIL", MAIL)),
                format(new SettingsKind("MAIL", MAIL))))).hasMessage("two settings formats for the kind MAIL");
        assertThatThrownBy(() -> new SettingsFormats(List.of(format(new SettingsKind("MAIL", MAIL)),
                format(new SettingsKind("MAIL_TOO", new IntegrationType("MAIL", "Other mail", "Another."))))))
                .hasMessage("the type MAIL is declared twice, differently");
    }

    @Test
    @DisplayName("a type or kind id is what the database stores: capitals, digits and _, nothing else")
    void idsAreStorable() {
        assertThatThrownBy(() -> new IntegrationType("imap", "IMAP mail", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingsKind("CALENDAR-FEED", MAIL)).isInstanceOf(IllegalArgumentException.class);
    }
}
