package app.plugboard.integration.gmail;

import app.plugboard.integration.oauthmail.MailServers;
import app.plugboard.integration.oauthmail.OAuthClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gmail through Google sign-in: Google's OAuth client and Gmail's servers. Active when the Google client id
 * is set ({@link ConditionalOnGmailSignIn}); what every mail sign-in shares (the public URL, Discord sign-in,
 * link lifetime, renewals, timeouts) is {@code plugboard.sign-in}.
 *
 * @param google   Google's OAuth client and endpoints (tests stand in for them)
 * @param imapHost Gmail's IMAP server (XOAUTH2 over implicit TLS)
 * @param smtpHost Gmail's SMTP server, for sending (XOAUTH2 over implicit TLS)
 */
@ConfigurationProperties("plugboard.gmail")
public record GmailProperties(OAuthClient google, String imapHost, int imapPort, String smtpHost, int smtpPort) {

    MailServers servers() {
        return new MailServers(imapHost, imapPort, smtpHost, smtpPort);
    }
}
