package app.plugboard.integration.imap;

import static app.plugboard.integration.chat.FormFields.choice;
import static app.plugboard.integration.chat.FormFields.number;
import static app.plugboard.integration.chat.FormFields.secret;
import static app.plugboard.integration.chat.FormFields.text;
import static app.plugboard.integration.chat.FormFields.value;

import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.integration.Destination;
import app.plugboard.integration.ImapSecurity;
import app.plugboard.integration.ImapSettings;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.chat.FormFields;
import app.plugboard.integration.chat.FormPurpose;
import app.plugboard.integration.chat.TypeForms;
import app.plugboard.integration.imap.ProviderPresets.ProviderPreset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The IMAP form: login, password, server, port and security (five fields, Discord's most). For
 * an address at a well-known provider the server may be left empty: the provider's IMAP server,
 * port and security, and its SMTP server, are filled in ({@link ProviderPresets}).
 */
@Component
class ImapForms implements TypeForms {

    static final String SMTP_DESCRIPTION = "For sending mail, with the same login. Empty: your provider's, or none.";
    static final String SERVER_DESCRIPTION = "Leave empty for Gmail, Outlook, iCloud, Yahoo, Fastmail, GMX, Posteo, mailbox.org.";

    @Override
    public IntegrationType type() {
        return IntegrationType.IMAP;
    }

    @Override
    public List<FormPurpose> editChoices(SettingsKind kind) {
        return List.of(FormPurpose.REPLACE_CREDENTIALS, FormPurpose.SENDING);
    }

    @Override
    public List<Form.Field> fields(FormPurpose purpose, @Nullable SettingsKind kind, Map<String, String> prefill) {
        if (purpose == FormPurpose.SENDING) {
            return List.of(
                    text(ImapSettings.SMTP_SERVER, "SMTP server", SMTP_DESCRIPTION, "smtp.example.com", prefill, false, 253),
                    text(ImapSettings.SMTP_PORT, "SMTP port", "465 with implicit TLS, 587 with STARTTLS.", "465",
                            prefill, false, 5),
                    secret(ImapSettings.PASSWORD, "Password", FormFields.NEEDED_FOR_NEW_SERVER, false));
        }
        boolean adding = purpose == FormPurpose.ADD;
        Map<String, String> values = new HashMap<>(prefill);
        values.putIfAbsent(ImapSettings.PORT, "993");
        return List.of(
                text(ImapSettings.USERNAME, "Email address or username", "The login of your mailbox.",
                        "alice@example.com", values, true, 320),
                secret(ImapSettings.PASSWORD, "Password", adding ? FormFields.DISCORD_SHOWS_IT : FormFields.NEEDED_FOR_NEW_SERVER,
                        adding),
                text(ImapSettings.SERVER, "IMAP server", SERVER_DESCRIPTION, "imap.example.com", values, false, 253),
                text(ImapSettings.PORT, "Port", "993 with implicit TLS, 143 with STARTTLS.", "993", values, true, 5),
                choice(ImapSettings.SECURITY, "Security", "Plain, unencrypted logins are not offered.",
                        Arrays.stream(ImapSecurity.values()).map(s -> Option.of(s.name(), s.displayName())).toList(),
                        values.getOrDefault(ImapSettings.SECURITY, ImapSecurity.IMPLICIT_TLS.name())));
    }

    @Override
    public IntegrationSettings parse(FormPurpose purpose, Map<String, String> typed, @Nullable IntegrationSettings current) {
        if (purpose == FormPurpose.SENDING && current instanceof ImapSettings stored) {
            return sending(typed, stored);
        }
        String password = value(typed, ImapSettings.PASSWORD);
        Secret secret = password != null ? Secret.of(password)
                : current instanceof ImapSettings stored ? stored.password() : null;
        String username = value(typed, ImapSettings.USERNAME);
        String server = value(typed, ImapSettings.SERVER);
        Integer port = number(typed, ImapSettings.PORT, "Port", "993 with implicit TLS, 143 with STARTTLS");
        String typedSecurity = value(typed, ImapSettings.SECURITY);
        ImapSecurity security = typedSecurity == null ? null : parseSecurity(typedSecurity);
        ImapSettings previous = current instanceof ImapSettings stored ? stored : null;
        Optional<ProviderPreset> preset = ProviderPresets.of(username, server);
        String imapServer = server != null ? server : preset.map(ProviderPreset::imapServer).orElse(null);
        // the SMTP server goes with the IMAP server: kept while that stays, derived again when it changes
        boolean sameServer = previous != null && imapServer != null && imapServer.equalsIgnoreCase(previous.server());
        String smtpServer = sameServer ? previous.smtpServer() : null;
        Integer smtpPort = sameServer ? previous.smtpPort() : null;
        if (preset.isPresent()) {
            if (server == null) {
                // the provider's server, with its port and security (the form's defaults do not apply to it)
                server = preset.get().imapServer();
                port = preset.get().imapPort();
                security = preset.get().security();
            }
            if (smtpServer == null) {
                smtpServer = preset.get().smtpServer();
                smtpPort = preset.get().smtpPort();
            }
        }
        return new ImapSettings(username, secret, server, port, security, smtpServer, smtpPort);
    }

    /**
     * The mailbox as it is, sending through the SMTP server typed (the same login and password, or the
     * password typed now); left empty, the provider's server where a preset knows it, else none (the
     * mailbox only reads).
     */
    private static ImapSettings sending(Map<String, String> typed, ImapSettings stored) {
        String password = value(typed, ImapSettings.PASSWORD);
        String smtpServer = value(typed, ImapSettings.SMTP_SERVER);
        Integer smtpPort = number(typed, ImapSettings.SMTP_PORT, "SMTP port", "465 with implicit TLS, 587 with STARTTLS");
        if (smtpServer == null && smtpPort == null) {
            Optional<ProviderPreset> preset = ProviderPresets.of(stored.username(), stored.server());
            smtpServer = preset.map(ProviderPreset::smtpServer).orElse(null);
            smtpPort = preset.map(ProviderPreset::smtpPort).orElse(null);
        }
        return new ImapSettings(stored.username(), password != null ? Secret.of(password) : stored.password(),
                stored.server(), stored.port(), stored.security(), smtpServer, smtpPort);
    }

    /**
     * The provider's own SMTP server, when the stored IMAP server is a known provider's: a password entered
     * for imap.gmail.com may also go to smtp.gmail.com. Plugboard's table names it, not what was typed.
     */
    @Override
    public Set<Destination> sameProviderDestinations(IntegrationSettings stored) {
        if (!(stored instanceof ImapSettings imap) || imap.server() == null) {
            return Set.of();
        }
        return ProviderPresets.forServer(imap.server())
                .map(preset -> new ImapSettings(imap.username(), imap.password(), imap.server(), imap.port(),
                        imap.security(), preset.smtpServer(), preset.smtpPort()).smtpDestination())
                .map(Set::of)
                .orElse(Set.of());
    }

    @Override
    public Map<String, String> prefill(IntegrationSettings settings) {
        ImapSettings imap = (ImapSettings) settings;
        Map<String, String> values = new HashMap<>();
        putIfPresent(values, ImapSettings.USERNAME, imap.username());
        putIfPresent(values, ImapSettings.SERVER, imap.server());
        putIfPresent(values, ImapSettings.PORT, imap.port());
        putIfPresent(values, ImapSettings.SECURITY, imap.security() == null ? null : imap.security().name());
        putIfPresent(values, ImapSettings.SMTP_SERVER, imap.smtpServer());
        putIfPresent(values, ImapSettings.SMTP_PORT, imap.smtpPort());
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
