package app.plugboard.integration.imap;

import static app.plugboard.integration.SettingsChecks.addIfPresent;

import app.plugboard.common.InputProblem;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SecretUse;
import app.plugboard.integration.SettingsChecks;
import app.plugboard.integration.SettingsKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An IMAP mailbox, and optionally the SMTP server that sends for it. Stored by {@link ImapFormat}.
 *
 * @param smtpServer empty when the account only reads mail (or the server is derived later)
 */
public record ImapSettings(
        @Nullable String username,
        @Nullable Secret password,
        @Nullable String server,
        @Nullable Integer port,
        @Nullable ImapSecurity security,
        @Nullable String smtpServer,
        @Nullable Integer smtpPort) implements IntegrationSettings {

    // the names of the fields, as problems and checks name them (the form and the storage name their own)
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String SERVER = "server";
    public static final String PORT = "port";
    public static final String SECURITY = "security";
    public static final String SMTP_SERVER = "smtpServer";
    public static final String SMTP_PORT = "smtpPort";
    /** SMTP without a port: implicit TLS on 465 (RFC 8314). */
    public static final int DEFAULT_SMTP_PORT = 465;

    public ImapSettings {
        username = username == null ? null : username.trim();
        server = server == null ? null : server.trim();
        smtpServer = SettingsChecks.isBlank(smtpServer) ? null : smtpServer.trim();
    }

    @Override
    public SettingsKind kind() {
        return ImapType.KIND;
    }

    /** The SMTP port, 465 when none is given. */
    public int smtpPortOrDefault() {
        return smtpPort == null ? DEFAULT_SMTP_PORT : smtpPort;
    }

    /** SMTP security follows its port: implicit TLS on 465, STARTTLS (required) on 587 and 25, else as IMAP's. */
    public boolean smtpImplicitTls() {
        return switch (smtpPortOrDefault()) {
            case 465 -> true;
            case 587, 25 -> false;
            default -> security == ImapSecurity.IMPLICIT_TLS;
        };
    }

    /** The password goes to the IMAP server and, when there is one, the SMTP server (same login). */
    @Override
    public Map<String, SecretUse> secretUses() {
        return Map.of(PASSWORD, SecretUse.of("Password", password, imapDestination(), smtpDestination()));
    }

    private @Nullable Destination imapDestination() {
        return server == null || port == null ? null
                : new Destination(security == ImapSecurity.IMPLICIT_TLS ? "imaps" : "imap", server, port);
    }

    /** Where sending mail logs in, or null without an SMTP server. */
    public @Nullable Destination smtpDestination() {
        return smtpServer == null ? null : new Destination(smtpImplicitTls() ? "smtps" : "smtp", smtpServer, smtpPortOrDefault());
    }

    @Override
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        addIfPresent(problems, SettingsChecks.text(USERNAME, "Username", username, 320,
                "enter the login of your mailbox, usually your email address."));
        if (SettingsChecks.isBlank(password)) {
            problems.add(new InputProblem(PASSWORD, "Password is empty: enter the mailbox password "
                    + "(an app password, if your provider offers them)."));
        }
        addIfPresent(problems, SettingsChecks.host(SERVER, "Server", server, "imap.example.com"));
        addIfPresent(problems, SettingsChecks.port(PORT, "Port", port, "usually 993 with implicit TLS, 143 with STARTTLS"));
        if (security == null) {
            problems.add(new InputProblem(SECURITY, "Security is not chosen: pick implicit TLS or STARTTLS."));
        }
        if (smtpServer != null) {
            addIfPresent(problems, SettingsChecks.host(SMTP_SERVER, "SMTP server", smtpServer, "smtp.example.com"));
            if (smtpPort != null) {
                addIfPresent(problems, SettingsChecks.port(SMTP_PORT, "SMTP port", smtpPort, "usually 465 or 587"));
            }
        } else if (smtpPort != null) {
            problems.add(new InputProblem(SMTP_SERVER, "SMTP server is empty but an SMTP port is given: "
                    + "enter the SMTP server too, or leave both empty."));
        }
        return problems;
    }
}
