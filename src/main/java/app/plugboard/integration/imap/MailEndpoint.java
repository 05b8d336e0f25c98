package app.plugboard.integration.imap;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One server a mail connection goes to, with what a problem message needs: the fields to name,
 * the login, and the provider's hint.
 *
 * @param xoauth2 whether the login is an OAuth access token (XOAUTH2) rather than a password
 */
record MailEndpoint(Kind kind, String host, int port, boolean implicitTls, String username, @Nullable String hint,
        boolean xoauth2) {

    MailEndpoint(Kind kind, String host, int port, boolean implicitTls, String username, @Nullable String hint) {
        this(kind, host, port, implicitTls, username, hint, false);
    }

    enum Kind {
        IMAP("IMAP", "imap", "imaps"),
        SMTP("SMTP", "smtp", "smtps");

        final String displayName;
        final String plainProtocol;
        final String tlsProtocol;

        Kind(String displayName, String plainProtocol, String tlsProtocol) {
            this.displayName = displayName;
            this.plainProtocol = plainProtocol;
            this.tlsProtocol = tlsProtocol;
        }
    }

    static MailEndpoint imap(ImapSettings settings) {
        return imap(Mailbox.of(settings));
    }

    /** The SMTP server of the settings, with the port and security {@link ImapSettings} gives it. */
    static MailEndpoint smtp(ImapSettings settings) {
        return smtp(Mailbox.of(settings));
    }

    static MailEndpoint imap(Mailbox mailbox) {
        return of(Kind.IMAP, mailbox.imap(), mailbox);
    }

    static MailEndpoint smtp(Mailbox mailbox) {
        return of(Kind.SMTP, Objects.requireNonNull(mailbox.smtp()), mailbox);
    }

    private static MailEndpoint of(Kind kind, Mailbox.Server server, Mailbox mailbox) {
        return new MailEndpoint(kind, server.host(), server.port(), server.implicitTls(), mailbox.username(), mailbox.hint(),
                mailbox.kind() == Mailbox.Credential.XOAUTH2);
    }

    /** Angus Mail's protocol name, which is also its property prefix ({@code mail.imaps.*}). */
    String protocol() {
        return implicitTls ? kind.tlsProtocol : kind.plainProtocol;
    }

    String serverField() {
        return kind == Kind.IMAP ? ImapSettings.SERVER : ImapSettings.SMTP_SERVER;
    }

    String portField() {
        return kind == Kind.IMAP ? ImapSettings.PORT : ImapSettings.SMTP_SERVER;
    }

    String securityField() {
        return kind == Kind.IMAP ? ImapSettings.SECURITY : ImapSettings.SMTP_SERVER;
    }

    String loginField() {
        return kind == Kind.IMAP ? ImapSettings.PASSWORD : ImapSettings.SMTP_SERVER;
    }

    String hostAndPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return kind.displayName + " " + hostAndPort() + (implicitTls ? " (implicit TLS)" : " (STARTTLS)");
    }
}
