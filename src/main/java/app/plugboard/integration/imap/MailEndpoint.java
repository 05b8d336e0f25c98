package app.plugboard.integration.imap;

import app.plugboard.integration.imap.ProviderPresets.ProviderPreset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One server a mail connection goes to, with what a problem message needs: the fields to name,
 * the login, and the provider's hint.
 */
record MailEndpoint(Kind kind, String host, int port, boolean implicitTls, String username, @Nullable String hint) {

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
        return new MailEndpoint(Kind.IMAP, Objects.requireNonNull(settings.server()), Objects.requireNonNull(settings.port()),
                settings.security() == ImapSecurity.IMPLICIT_TLS, Objects.requireNonNull(settings.username()),
                hint(settings));
    }

    /** The SMTP server of the settings, with the port and security {@link ImapSettings} gives it. */
    static MailEndpoint smtp(ImapSettings settings) {
        return new MailEndpoint(Kind.SMTP, Objects.requireNonNull(settings.smtpServer()), settings.smtpPortOrDefault(),
                settings.smtpImplicitTls(), Objects.requireNonNull(settings.username()), hint(settings));
    }

    private static @Nullable String hint(ImapSettings settings) {
        return ProviderPresets.of(settings.username(), settings.server()).map(ProviderPreset::hint).orElse(null);
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
