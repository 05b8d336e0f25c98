package app.plugboard.integration.exampletype;

import app.plugboard.chat.Form;
import app.plugboard.common.InputProblem;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SecretUse;
import app.plugboard.integration.SettingsChecks;
import app.plugboard.integration.SettingsFormat;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.StoredSettings;
import app.plugboard.integration.WebAddresses;
import app.plugboard.integration.chat.FormInputs;
import app.plugboard.integration.chat.FormPurpose;
import app.plugboard.integration.chat.TypeForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Notes at a web address, read with a token: everything a type contributes, in one place. */
@TestConfiguration(proxyBeanMethods = false)
public class NotesType {

    public static final IntegrationType TYPE = new IntegrationType("NOTES", "Notes", "Your notes at a web address, read with a token.");
    public static final SettingsKind KIND = new SettingsKind("NOTES", TYPE);

    /** The settings: where the notes are, and the token that reads them (a secret, sent only there). */
    public record NotesSettings(@Nullable String address, @Nullable Secret token) implements IntegrationSettings {

        static final String ADDRESS = "address";
        static final String TOKEN = "token";

        @Override
        public SettingsKind kind() {
            return KIND;
        }

        @Override
        public List<InputProblem> problems() {
            List<InputProblem> problems = new ArrayList<>();
            SettingsChecks.addIfPresent(problems, SettingsChecks.webUrl(ADDRESS, "Address", address, "https://notes.example.com"));
            if (SettingsChecks.isBlank(token)) {
                problems.add(new InputProblem(TOKEN, "Token is empty: paste the access token of your notes."));
            }
            return problems;
        }

        @Override
        public Map<String, SecretUse> secretUses() {
            return Map.of(TOKEN, SecretUse.of("Token", token, Destination.origin(address)));
        }
    }

    /** Stored as {@code {"kind": "NOTES", "at": ...}} with the secret {@code {"key": ...}}: names of its own. */
    @Bean
    SettingsFormat<NotesSettings> notesFormat() {
        return new SettingsFormat<>() {
            @Override
            public SettingsKind kind() {
                return KIND;
            }

            @Override
            public Class<NotesSettings> settingsType() {
                return NotesSettings.class;
            }

            @Override
            public StoredSettings write(NotesSettings settings) {
                return StoredSettings.builder().plain("at", settings.address()).secret("key", settings.token()).build();
            }

            @Override
            public NotesSettings read(StoredSettings stored) {
                return new NotesSettings(stored.requiredPlain("at"), stored.requiredSecret("key"));
            }

            @Override
            public String summary(Map<String, String> plain) {
                return "notes at " + WebAddresses.schemeAndHost(plain.getOrDefault("at", ""));
            }
        };
    }

    /** A form of two inputs, keyed {@code where} and {@code secret}; listed after the calendar. */
    @Bean
    @Order(40)
    TypeForms notesForms() {
        return new TypeForms() {
            @Override
            public IntegrationType type() {
                return TYPE;
            }

            @Override
            public List<FormPurpose> editChoices(SettingsKind kind) {
                return List.of(FormPurpose.REPLACE_CREDENTIALS);
            }

            @Override
            public List<Form.Input> inputs(FormPurpose purpose, @Nullable SettingsKind kind, Map<String, String> prefill) {
                return List.of(
                        Form.Text.required("where", "Address of your notes", 2048).prefilled(prefill.get("where")),
                        FormInputs.requiredSecret("secret", "Token", FormInputs.DISCORD_SHOWS_IT));
            }

            @Override
            public IntegrationSettings parse(FormPurpose purpose, Map<String, String> typed, @Nullable IntegrationSettings current) {
                String token = FormInputs.value(typed, "secret");
                return new NotesSettings(FormInputs.value(typed, "where"), token == null ? null : Secret.of(token));
            }

            @Override
            public Map<String, String> prefill(IntegrationSettings settings) {
                String address = ((NotesSettings) settings).address();
                return address == null ? Map.of() : Map.of("where", address);
            }
        };
    }

    @Bean
    ConnectionProbe notesProbe() {
        return new ConnectionProbe() {
            @Override
            public SettingsKind kind() {
                return KIND;
            }

            @Override
            public CheckResult check(IntegrationSettings settings) {
                return CheckResult.connected("Read 12 notes at " + ((NotesSettings) settings).address() + ".");
            }
        };
    }
}
