package app.plugboard.integration.gmail;

import app.plugboard.integration.signin.SignInPaths;
import app.plugboard.integration.signin.SignInSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gmail sign-in. Active when the Google client id is set ({@link ConditionalOnGmailSignIn}). The
 * sign-in pages and the HTTP calls to Google and Discord see it as their {@link SignInSettings}.
 *
 * @param publicUrl         this Plugboard's address as browsers reach it; links and the redirect
 *                          URI ({@code <public url>/oauth2/callback/google}) are built from it, never
 *                          from a request
 * @param google            Google's OAuth client and endpoints (tests stand in for them)
 * @param discordSignIn     optional: a Discord OAuth client, so the confirmation page can check that
 *                          the visitor is the Discord user the link was made for
 * @param linkLifetime      how long a sign-in link, and each redirect's state, stays usable
 * @param imapHost          Gmail's IMAP server (XOAUTH2 over implicit TLS)
 * @param smtpHost          Gmail's SMTP server, for sending (XOAUTH2 over implicit TLS)
 * @param refreshAhead      access tokens are renewed when they expire within this time
 * @param retryBackoff      after Google failed to answer a renewal, the first wait before the next try (doubles)
 * @param retryBackoffMax   the longest wait between two tries
 * @param connectTimeout    connecting to Google or Gmail
 * @param readTimeout       waiting for an answer from Google or Gmail
 */
@ConfigurationProperties("plugboard.gmail")
public record GmailProperties(
        @Nullable String publicUrl,
        Client google,
        Client discordSignIn,
        Duration linkLifetime,
        String imapHost,
        int imapPort,
        String smtpHost,
        int smtpPort,
        Duration refreshAhead,
        Duration retryBackoff,
        Duration retryBackoffMax,
        Duration connectTimeout,
        Duration readTimeout) implements SignInSettings {

    /**
     * One OAuth client at one authorization server.
     *
     * @param revokeUri Google only: where a deleted integration's grant is revoked
     */
    public record Client(@Nullable String clientId, @Nullable String clientSecret, String authorizationUri,
            String tokenUri, String userInfoUri, @Nullable String revokeUri) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Client[clientId=" + clientId + ", clientSecret=***, authorizationUri=" + authorizationUri
                    + ", tokenUri=" + tokenUri + ", userInfoUri=" + userInfoUri + ", revokeUri=" + revokeUri + "]";
        }
    }

    /** The public URL without a trailing slash. */
    public String base() {
        String url = publicUrl == null ? "" : publicUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String redirectUri(String registrationId) {
        return base() + SignInPaths.CALLBACK + registrationId;
    }

    @Override
    public boolean secureCookies() {
        return base().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    @Override
    public String formTargets() {
        String targets = origin(google.authorizationUri());
        if (discordSignIn.configured()) {
            targets += " " + origin(discordSignIn.authorizationUri());
        }
        return targets;
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
