package app.plugboard.integration.imap;

import static app.plugboard.integration.chat.FormFields.choice;
import static app.plugboard.integration.chat.FormFields.number;
import static app.plugboard.integration.chat.FormFields.secret;
import static app.plugboard.integration.chat.FormFields.text;
import static app.plugboard.integration.chat.FormFields.value;

import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.integration.ImapSecurity;
import app.plugboard.integration.ImapSettings;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.chat.FormFields;
import app.plugboard.integration.chat.FormPurpose;
import app.plugboard.integration.chat.TypeForms;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The IMAP form: login, password, server, port and security (five fields, Discord's most). */
@Component
class ImapForms implements TypeForms {

    @Override
    public IntegrationType type() {
        return IntegrationType.IMAP;
    }

    @Override
    public List<FormPurpose> editChoices(SettingsKind kind) {
        return List.of(FormPurpose.REPLACE_CREDENTIALS);
    }

    @Override
    public List<Form.Field> fields(FormPurpose purpose, @Nullable SettingsKind kind, Map<String, String> prefill) {
        boolean adding = purpose == FormPurpose.ADD;
        Map<String, String> values = new HashMap<>(prefill);
        values.putIfAbsent(ImapSettings.PORT, "993");
        return List.of(
                text(ImapSettings.USERNAME, "Email address or username", "The login of your mailbox.",
                        "alice@example.com", values, true, 320),
                secret(ImapSettings.PASSWORD, "Password", adding ? FormFields.DISCORD_SHOWS_IT : FormFields.EMPTY_KEEPS, adding),
                text(ImapSettings.SERVER, "IMAP server", "Your provider's IMAP host name.", "imap.example.com",
                        values, true, 253),
                text(ImapSettings.PORT, "Port", "993 with implicit TLS, 143 with STARTTLS.", "993", values, true, 5),
                choice(ImapSettings.SECURITY, "Security", "Plain, unencrypted logins are not offered.",
                        Arrays.stream(ImapSecurity.values()).map(s -> Option.of(s.name(), s.displayName())).toList(),
                        values.getOrDefault(ImapSettings.SECURITY, ImapSecurity.IMPLICIT_TLS.name())));
    }

    @Override
    public IntegrationSettings parse(FormPurpose purpose, Map<String, String> typed, @Nullable IntegrationSettings current) {
        String password = value(typed, ImapSettings.PASSWORD);
        Secret secret = password != null ? Secret.of(password)
                : current instanceof ImapSettings stored ? stored.password() : null;
        String security = value(typed, ImapSettings.SECURITY);
        ImapSettings previous = current instanceof ImapSettings stored ? stored : null;
        return new ImapSettings(
                value(typed, ImapSettings.USERNAME),
                secret,
                value(typed, ImapSettings.SERVER),
                number(typed, ImapSettings.PORT, "Port", "993 with implicit TLS, 143 with STARTTLS"),
                security == null ? null : parseSecurity(security),
                previous == null ? null : previous.smtpServer(),
                previous == null ? null : previous.smtpPort());
    }

    @Override
    public Map<String, String> prefill(IntegrationSettings settings) {
        ImapSettings imap = (ImapSettings) settings;
        Map<String, String> values = new HashMap<>();
        putIfPresent(values, ImapSettings.USERNAME, imap.username());
        putIfPresent(values, ImapSettings.SERVER, imap.server());
        putIfPresent(values, ImapSettings.PORT, imap.port());
        putIfPresent(values, ImapSettings.SECURITY, imap.security() == null ? null : imap.security().name());
        return values;
    }

    private static @Nullable ImapSecurity parseSecurity(String value) {
        return Arrays.stream(ImapSecurity.values()).filter(s -> s.name().equals(value)).findFirst().orElse(null);
    }

    private static void putIfPresent(Map<String, String> values, String key, @Nullable Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
    }
}
