package app.plugboard.integration.oauthmail;

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
@DisplayName("Mail sign-in's shared configuration")
class SignInConfigurationTest {

    static final OAuthClient NO_DISCORD = new OAuthClient("", "", "https://discord.com/oauth2/authorize",
            "https://discord.com/api/oauth2/token", "https://discord.com/api/users/@me", null);

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the public URL is required, https (http only for localhost), without query; the message names every callback to register")
    void publicUrl() {
        for (String bad : new String[] {"", "plugboard.example.com", "http://plugboard.example.com",
                "https://plugboard.example.com/?x=1", "ftp://plugboard.example.com"}) {
            assertThatThrownBy(() -> SignInConfiguration.check(properties(bad, NO_DISCORD), List.of("google", "microsoft")))
                    .as(bad)
                    .isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("PLUGBOARD_PUBLIC_URL")
                    .satisfies(problem -> assertThat(((StartupProblem) problem).action())
                            .contains("/oauth2/callback/google", "/oauth2/callback/microsoft"));
        }
        assertThatCode(() -> SignInConfiguration.check(properties("https://plugboard.example.com/", NO_DISCORD), List.of("google")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SignInConfiguration.check(properties("http://localhost:8080", NO_DISCORD), List.of("google")))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a Discord client id without its secret stops the start, saying what to set")
    void discordSecretMissing() {
        OAuthClient discord = new OAuthClient("123", "", NO_DISCORD.authorizationUri(), NO_DISCORD.tokenUri(),
                NO_DISCORD.userInfoUri(), null);

        assertThatThrownBy(() -> SignInConfiguration.check(properties("https://plugboard.example.com", discord), List.of("google")))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("PLUGBOARD_DISCORD_CLIENT_SECRET is not");
    }

    @Test
    @DisplayName("with the prod profile and no Discord sign-in, the start logs one warning that links can be forwarded, naming what to set")
    void prodWithoutDiscordSignInWarns(CapturedOutput output) {
        // WHEN Plugboard starts with the prod profile and Google sign-in, but no Discord sign-in
        try (ConfigurableApplicationContext started = start("--spring.profiles.active=prod")) {
            // THEN the log carries exactly one warning, which says why and what to set
            List<String> warnings = output.getAll().lines().filter(line -> line.contains(SignInConfiguration.FORWARDING_WARNING))
                    .toList();
            assertThat(warnings).singleElement().satisfies(line -> assertThat(line).contains("WARN"));
            assertThat(SignInConfiguration.FORWARDING_WARNING).contains("forward", "PLUGBOARD_DISCORD_CLIENT_ID");
        }
    }

    @Test
    @DisplayName("the warning is for prod without Discord sign-in only")
    void warningOnlyWhereItApplies() {
        SignInProperties withoutDiscord = properties("https://plugboard.example.com", NO_DISCORD);
        SignInProperties withDiscord = properties("https://plugboard.example.com", new OAuthClient("123", "discord-secret",
                NO_DISCORD.authorizationUri(), NO_DISCORD.tokenUri(), NO_DISCORD.userInfoUri(), null));

        assertThat(SignInConfiguration.forwardingWarning(true, withoutDiscord)).hasValue(SignInConfiguration.FORWARDING_WARNING);
        assertThat(SignInConfiguration.forwardingWarning(true, withDiscord)).isEmpty();
        assertThat(SignInConfiguration.forwardingWarning(false, withoutDiscord)).isEmpty();
    }

    @Test
    @DisplayName("the preview counts with thousands separators")
    void preview() {
        assertThat(OAuthMailFlow.preview("alice@gmail.com", new XOAuth2Imap.Inbox(1234, 5)))
                .isEqualTo("Connected as alice@gmail.com: INBOX 1,234 messages (5 unread).");
    }

    static SignInProperties properties(String publicUrl, OAuthClient discord) {
        return new SignInProperties(publicUrl, discord, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofSeconds(5), Duration.ofSeconds(15));
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
                "--plugboard.sign-in.public-url=https://plugboard.example.com",
                "--plugboard.gmail.google.client-id=client-id",
                "--plugboard.gmail.google.client-secret=client-secret"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(PlugboardApplication.class).run(args.toArray(String[]::new));
    }
}
