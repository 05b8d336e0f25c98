package app.plugboard.integration.oauthmail;

import app.plugboard.integration.signin.SignInPaths;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in to a mail provider in a browser, whichever provider (Gmail, Outlook): what the sign-in pages,
 * the links and the token renewals share.
 *
 * @param publicUrl       this Plugboard's address as browsers reach it; links and the redirect URIs
 *                        ({@code <public url>/oauth2/callback/<provider>}) are built from it, never from a request
 * @param discordSignIn   optional: a Discord OAuth client, so the confirmation page can check that the
 *                        visitor is the Discord user the link was made for
 * @param linkLifetime    how long a sign-in link, and each redirect's state, stays usable
 * @param refreshAhead    access tokens are renewed when they expire within this time
 * @param retryBackoff    after a provider failed to answer a renewal, the first wait before the next try (doubles)
 * @param retryBackoffMax the longest wait between two tries
 * @param connectTimeout  connecting to a provider's endpoints or its IMAP server
 * @param readTimeout     waiting for an answer from them
 */
@ConfigurationProperties("plugboard.sign-in")
public record SignInProperties(
        @Nullable String publicUrl,
        OAuthClient discordSignIn,
        Duration linkLifetime,
        Duration refreshAhead,
        Duration retryBackoff,
        Duration retryBackoffMax,
        Duration connectTimeout,
        Duration readTimeout) {

    /** The public URL without a trailing slash. */
    public String base() {
        String url = publicUrl == null ? "" : publicUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String redirectUri(String registrationId) {
        return base() + SignInPaths.CALLBACK + registrationId;
    }

    public boolean secureCookies() {
        return base().toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
