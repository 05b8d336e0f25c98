package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@DisplayName("Logging in the terminal chat")
class TerminalLoggingTest {

    @Test
    @DisplayName("without a Discord token the terminal gets warnings only, one line each, and the log goes to <data dir>/logs")
    void terminalChat() {
        // GIVEN no token, a data directory
        StandardEnvironment environment = environment(Map.of("plugboard.data-dir", "/srv/plugboard"));

        // WHEN the environment is prepared
        new TerminalLogging().postProcessEnvironment(environment, new SpringApplication());

        // THEN the console shows WARN and above without stack traces, and a rolling file holds everything
        assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("WARN");
        assertThat(environment.getProperty("logging.file.name")).isEqualTo(Path.of("/srv/plugboard/logs/plugboard.log").toString());
        assertThat(environment.getProperty("logging.pattern.console")).contains("%nopex", "%replace(%msg)");
        assertThat(environment.getProperty("logging.logback.rollingpolicy.max-file-size")).isEqualTo("10MB");
        assertThat(environment.getProperty("logging.logback.rollingpolicy.total-size-cap")).isEqualTo("100MB");
    }

    @Test
    @DisplayName("what the operator set for logging wins")
    void operatorWins() {
        StandardEnvironment environment = environment(Map.of("logging.threshold.console", "INFO",
                "logging.file.name", "/var/log/plugboard.log"));

        new TerminalLogging().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("INFO");
        assertThat(environment.getProperty("logging.file.name")).isEqualTo("/var/log/plugboard.log");
    }

    @Test
    @DisplayName("with a Discord token, or the terminal chat turned off, logs stay on standard output as they are")
    void discordOrNoTerminal() {
        StandardEnvironment discord = environment(Map.of("plugboard.discord.token", "a-token"));
        StandardEnvironment off = environment(Map.of("plugboard.console.enabled", "false"));

        new TerminalLogging().postProcessEnvironment(discord, new SpringApplication());
        new TerminalLogging().postProcessEnvironment(off, new SpringApplication());

        assertThat(discord.getPropertySources().contains(TerminalLogging.SOURCE)).isFalse();
        assertThat(off.getPropertySources().contains(TerminalLogging.SOURCE)).isFalse();
        assertThat(discord.getProperty("logging.file.name")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        return environment;
    }
}
