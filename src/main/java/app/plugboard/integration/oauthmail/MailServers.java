package app.plugboard.integration.oauthmail;

/**
 * A provider's mail servers, as the operator configured them: IMAP over implicit TLS, and SMTP over
 * implicit TLS (465) or STARTTLS (587), both logging in with XOAUTH2.
 */
public record MailServers(String imapHost, int imapPort, String smtpHost, int smtpPort) {

    /** Implicit TLS on 465, STARTTLS (required) on any other port. */
    public boolean smtpImplicitTls() {
        return smtpPort == 465;
    }
}
