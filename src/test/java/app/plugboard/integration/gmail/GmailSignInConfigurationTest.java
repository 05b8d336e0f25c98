package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import app.plugboard.integration.oauthmail.OAuthClient;
import app.plugboard.integration.oauthmail.SignInProperties;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gmail sign-in's configuration")
class GmailSignInConfigurationTest {

    @Test
    @DisplayName("a client id without its secret stops the start, saying what to set")
    void secretMissing() {
        assertThatThrownBy(() -> GmailSignInConfiguration.check(properties("")))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("PLUGBOARD_GOOGLE_CLIENT_SECRET is not");
    }

    @Test
    @DisplayName("the redirect URI is the public URL's /oauth2/callback/google; the secret never prints")
    void redirectUri() {
        SignInProperties signIn = new SignInProperties("https://plugboard.example.com/",
                new OAuthClient("", "", "https://discord.com/oauth2/authorize", "https://discord.com/api/oauth2/token",
                        "https://discord.com/api/users/@me", null),
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofSeconds(5), Duration.ofSeconds(15));
        GmailProperties properties = properties("s3cret");

        assertThat(signIn.redirectUri("google")).isEqualTo("https://plugboard.example.com/oauth2/callback/google");
        assertThat(signIn.secureCookies()).isTrue();
        assertThat(properties.toString()).doesNotContain("s3cret");
    }

    private static GmailProperties properties(String secret) {
        OAuthClient google = new OAuthClient("client-id", secret, "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token", "https://openidconnect.googleapis.com/v1/userinfo",
                "https://oauth2.googleapis.com/revoke");
        return new GmailProperties(google, "imap.gmail.com", 993, "smtp.gmail.com", 465);
    }
}
