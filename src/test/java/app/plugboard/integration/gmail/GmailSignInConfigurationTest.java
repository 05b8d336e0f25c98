package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.PlugboardApplication;
import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.TestDatabase;
import app.plugboard.testsupport.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Gmail sign-in's configuration")
class GmailSignInConfigurationTest {

    @TempDir
    Path dataDir;

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
    @DisplayName("with the prod profile and no Discord sign-in, the start logs one warning that links can be forwarded, naming what to set")
    void prodWithoutDiscordSignInWarns(CapturedOutput output) {
        // WHEN Plugboard starts with the prod profile and Google sign-in, but no Discord sign-in
        try (ConfigurableApplicationContext started = start("--spring.profiles.active=prod")) {
            // THEN the log carries exactly one warning, which says why and what to set
            List<String> warnings = output.getAll().lines().filter(line -> line.contains(GmailSignInConfiguration.FORWARDING_WARNING))
                    .toList();
            assertThat(warnings).singleElement().satisfies(line -> assertThat(line).contains("WARN"));
            assertThat(GmailSignInConfiguration.FORWARDING_WARNING).contains("forward", "PLUGBOARD_DISCORD_CLIENT_ID");
        }
    }

    @Test
    @DisplayName("the warning is for prod without Discord sign-in only")
    void warningOnlyWhereItApplies() {
        GmailProperties withoutDiscord = properties("https://plugboard.example.com", "secret");
        GmailProperties withDiscord = new GmailProperties(withoutDiscord.publicUrl(), withoutDiscord.google(),
                new GmailProperties.Client("123", "discord-secret", "https://discord.com/oauth2/authorize",
                        "https://discord.com/api/oauth2/token", "https://discord.com/api/users/@me", null),
                withoutDiscord.linkLifetime(), "imap.gmail.com", 993, "smtp.gmail.com", 465, Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofSeconds(15));

        assertThat(GmailSignInConfiguration.forwardingWarning(true, withoutDiscord)).hasValue(GmailSignInConfiguration.FORWARDING_WARNING);
        assertThat(GmailSignInConfiguration.forwardingWarning(true, withDiscord)).isEmpty();
        assertThat(GmailSignInConfiguration.forwardingWarning(false, withoutDiscord)).isEmpty();
    }

    /** A real start against the test database, with Google sign-in configured and the given arguments. */
    private ConfigurableApplicationContext start(String... extra) {
        TestDatabase database = TestDatabase.get();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--plugboard.encryption.key=" + TestKeys.CURRENT,
                "--plugboard.data-dir=" + dataDir,
                "--plugboard.console.enabled=false",
                "--server.port=0",
                "--plugboard.gmail.public-url=https://plugboard.example.com",
                "--plugboard.gmail.google.client-id=client-id",
                "--plugboard.gmail.google.client-secret=client-secret"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(PlugboardApplication.class).run(args.toArray(String[]::new));
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
