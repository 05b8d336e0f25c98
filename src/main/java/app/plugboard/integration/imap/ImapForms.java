package app.plugboard.integration.imap;

import static app.plugboard.integration.chat.FormInputs.number;
import static app.plugboard.integration.chat.FormInputs.requiredSecret;
import static app.plugboard.integration.chat.FormInputs.secret;
import static app.plugboard.integration.chat.FormInputs.value;

import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.chat.FormInputs;
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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The IMAP form: login, password, server, port and security (five inputs, Discord's most). For
 * an address at a well-known provider the server may be left empty: the provider's IMAP server,
 * port and security, and its SMTP server, are filled in ({@link ProviderPresets}).
 */
@Component
@Order(10) // the first type the chat lists
class ImapForms implements TypeForms {

    // the keys of the form's inputs (what Discord and the terminal send back), apart from the stored names
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String SERVER = "server";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String SMTP_SERVER = "smtpServer";
    static final String SMTP_PORT = "smtpPort";

    static final String SMTP_DESCRIPTION = "For sending mail, with the same login. Empty: your provider's, or none.";
    static final String SERVER_DESCRIPTION = "Leave empty for Gmail, Outlook, iCloud, Yahoo, Fastmail, GMX, Posteo, mailbox.org.";

    @Override
    public IntegrationType type() {
        return ImapType.TYPE;
    }

    @Override
    public List<FormPurpose> editChoices(SettingsKind kind) {
        return List.of(FormPurpose.REPLACE_CREDENTIALS, FormPurpose.SENDING);
    }

    @Override
    public List<Form.Input> inputs(FormPurpose purpose, @Nullable SettingsKind kind, Map<String, String> prefill) {
        if (purpose == FormPurpose.SENDING) {
            return List.of(
                    Form.Text.optional(SMTP_SERVER, "SMTP server", 253).described(SMTP_DESCRIPTION)
                            .placeholder("smtp.example.com").prefilled(prefill.get(SMTP_SERVER)),
                    Form.Text.optional(SMTP_PORT, "SMTP port", 5).described("465 with implicit TLS, 587 with STARTTLS.")
                            .placeholder("465").prefilled(prefill.get(SMTP_PORT)),
                    secret(PASSWORD, "Password", FormInputs.NEEDED_FOR_NEW_SERVER));
        }
        Form.Text password = purpose == FormPurpose.ADD
                ? requiredSecret(PASSWORD, "Password", FormInputs.DISCORD_SHOWS_IT)
                : secret(PASSWORD, "Password", FormInputs.NEEDED_FOR_NEW_SERVER);
        return List.of(
                Form.Text.required(USERNAME, "Email address or username", 320)
                        .described("The login of your mailbox.").placeholder("alice@example.com")
                        .prefilled(prefill.get(USERNAME)),
                password,
                Form.Text.optional(SERVER, "IMAP server", 253).described(SERVER_DESCRIPTION)
                        .placeholder("imap.example.com").prefilled(prefill.get(SERVER)),
                Form.Text.required(PORT, "Port", 5).described("993 with implicit TLS, 143 with STARTTLS.")
                        .placeholder("993").prefilled(prefill.getOrDefault(PORT, "993")),
                Form.Choice.of(SECURITY, "Security",
                        Arrays.stream(ImapSecurity.values()).map(s -> Option.of(s.name(), s.displayName())).toList(),
                        prefill.getOrDefault(SECURITY, ImapSecurity.IMPLICIT_TLS.name()))
                        .described("Plain, unencrypted logins are not offered."));
    }

    @Override
    public IntegrationSettings parse(FormPurpose purpose, Map<String, String> typed, @Nullable IntegrationSettings current) {
        if (purpose == FormPurpose.SENDING && current instanceof ImapSettings stored) {
            return sending(typed, stored);
        }
        String password = value(typed, PASSWORD);
        Secret secret = password != null ? Secret.of(password)
                : current instanceof ImapSettings stored ? stored.password() : null;
        String username = value(typed, USERNAME);
        String server = value(typed, SERVER);
        Integer port = number(typed, PORT, "Port", "993 with implicit TLS, 143 with STARTTLS");
        String typedSecurity = value(typed, SECURITY);
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
        String password = value(typed, PASSWORD);
        String smtpServer = value(typed, SMTP_SERVER);
        Integer smtpPort = number(typed, SMTP_PORT, "SMTP port", "465 with implicit TLS, 587 with STARTTLS");
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
        putIfPresent(values, USERNAME, imap.username());
        putIfPresent(values, SERVER, imap.server());
        putIfPresent(values, PORT, imap.port());
        putIfPresent(values, SECURITY, imap.security() == null ? null : imap.security().name());
        putIfPresent(values, SMTP_SERVER, imap.smtpServer());
        putIfPresent(values, SMTP_PORT, imap.smtpPort());
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
