package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gmail sign-in's configuration")
class GmailSignInConfigurationTest {

    @Test
    @DisplayName("a client id without its secret stops the start, saying what to set")
    void secretMissing() {
        assertThatThrownBy(() -> GmailSignInConfiguration.check(properties("https://plugboard.example.com", "")))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("PLUGBOARD_GOOGLE_CLIENT_SECRET is not");
    }

    @Test
    @DisplayName("the public URL is required, https (http only for localhost), without query")
    void publicUrl() {
        for (String bad : new String[] {"", "plugboard.example.com", "http://plugboard.example.com",
                "https://plugboard.example.com/?x=1", "ftp://plugboard.example.com"}) {
            assertThatThrownBy(() -> GmailSignInConfiguration.check(properties(bad, "secret"))).as(bad)
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("PLUGBOARD_PUBLIC_URL");
        }
        assertThatCode(() -> GmailSignInConfiguration.check(properties("https://plugboard.example.com/", "secret")))
                .doesNotThrowAnyException();
        assertThatCode(() -> GmailSignInConfiguration.check(properties("http://localhost:8080", "secret")))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the redirect URI is the public URL's /oauth2/callback/google; the secret never prints")
    void redirectUri() {
        GmailProperties properties = properties("https://plugboard.example.com/", "s3cret");

        assertThat(properties.redirectUri("google")).isEqualTo("https://plugboard.example.com/oauth2/callback/google");
        assertThat(properties.secureCookies()).isTrue();
        assertThat(properties.toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("the preview counts with thousands separators")
    void preview() {
        assertThat(GmailConnectFlow.preview("alice@gmail.com", new GmailImap.Inbox(1234, 5)))
                .isEqualTo("Connected as alice@gmail.com: INBOX 1,234 messages (5 unread).");
    }

    private static GmailProperties properties(String publicUrl, String secret) {
        GmailProperties.Client google = new GmailProperties.Client("client-id", secret, "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token", "https://openidconnect.googleapis.com/v1/userinfo",
                "https://oauth2.googleapis.com/revoke");
        GmailProperties.Client discord = new GmailProperties.Client("", "", "https://discord.com/oauth2/authorize",
                "https://discord.com/api/oauth2/token", "https://discord.com/api/users/@me", null);
        return new GmailProperties(publicUrl, google, discord, Duration.ofMinutes(10), "imap.gmail.com", 993,
                "smtp.gmail.com", 465, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofSeconds(5), Duration.ofSeconds(15));
    }
}
