package app.plugboard.integration.imap;

import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.ProviderPresets.ProviderPreset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox as {@link MailAccess} opens it, whatever the integration's type: its IMAP server, its SMTP
 * server (if it sends), the login, and what proves it: a password (IMAP mail), or an OAuth access token
 * sent with XOAUTH2 (Gmail, Outlook). Made by the integration's type ({@link MailboxSource}); it lives
 * for one operation and prints no secret.
 *
 * @param hint what to know when the server refuses the login (a provider's advice), or null
 */
public record Mailbox(String username, Secret credential, Credential kind, Server imap, @Nullable Server smtp,
        @Nullable String hint) {

    /** How the login proves itself. */
    public enum Credential { PASSWORD, XOAUTH2 }

    /** A server and how its connection is encrypted: implicit TLS, else STARTTLS (required). */
    public record Server(String host, int port, boolean implicitTls) {
    }

    /** The mailbox of IMAP mail settings. */
    public static Mailbox of(ImapSettings settings) {
        Server imap = new Server(Objects.requireNonNull(settings.server()), Objects.requireNonNull(settings.port()),
                settings.security() == ImapSecurity.IMPLICIT_TLS);
        Server smtp = settings.smtpServer() == null ? null
                : new Server(settings.smtpServer(), settings.smtpPortOrDefault(), settings.smtpImplicitTls());
        String hint = ProviderPresets.of(settings.username(), settings.server()).map(ProviderPreset::hint).orElse(null);
        return new Mailbox(Objects.requireNonNull(settings.username()), Objects.requireNonNull(settings.password()),
                Credential.PASSWORD, imap, smtp, hint);
    }
}
