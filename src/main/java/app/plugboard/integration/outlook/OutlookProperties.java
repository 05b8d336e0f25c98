package app.plugboard.integration.outlook;

import app.plugboard.integration.oauthmail.MailServers;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outlook and Microsoft 365 through Microsoft sign-in: Microsoft's OAuth client and Outlook's servers.
 * Active when the Microsoft client id is set ({@link ConditionalOnOutlookSignIn}); what every mail sign-in
 * shares is {@code plugboard.sign-in}.
 *
 * @param microsoft Microsoft's OAuth client, tenant and endpoints (tests stand in for them)
 * @param imapHost  Outlook's IMAP server (XOAUTH2 over implicit TLS)
 * @param smtpHost  Outlook's SMTP server, for sending (XOAUTH2 after STARTTLS on 587)
 */
@ConfigurationProperties("plugboard.outlook")
public record OutlookProperties(Microsoft microsoft, String imapHost, int imapPort, String smtpHost, int smtpPort) {

    /**
     * The Microsoft identity platform (v2), for one app registration.
     *
     * @param tenant           {@code common}, {@code organizations}, {@code consumers} or a tenant id
     *                         ({@link MicrosoftTenants})
     * @param authorizationUri with {@code {tenant}} standing for the tenant
     * @param tokenUri         with {@code {tenant}} standing for the tenant
     * @param jwkSetUri        where the keys that sign ID tokens are published, with {@code {tenant}}
     * @param issuer           an ID token's issuer, with {@code {tenantid}} standing for the token's own tenant ({@code tid})
     */
    public record Microsoft(@Nullable String clientId, @Nullable String clientSecret, String tenant,
            String authorizationUri, String tokenUri, String jwkSetUri, String issuer) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank();
        }

        String forTenant(String uri) {
            return uri.replace("{tenant}", tenant.strip());
        }

        /** The issuer an ID token of tenant {@code tid} must name. */
        String issuerOf(String tid) {
            return issuer.replace("{tenantid}", tid);
        }

        @Override
        public String toString() {
            return "Microsoft[clientId=" + clientId + ", clientSecret=***, tenant=" + tenant + ", authorizationUri="
                    + authorizationUri + ", tokenUri=" + tokenUri + ", jwkSetUri=" + jwkSetUri + ", issuer=" + issuer + "]";
        }
    }

    MailServers servers() {
        return new MailServers(imapHost, imapPort, smtpHost, smtpPort);
    }
}
