package app.plugboard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@DisplayName("PLUGBOARD_LOG_FORMAT")
class LogFormatTest {

    @Test
    @DisplayName("json with a Discord token: standard output is Spring Boot's structured log, ECS")
    void jsonOnStandardOutput() {
        StandardEnvironment environment = environment(Map.of("plugboard.log-format", "json", "plugboard.discord.token", "t"));

        new LogFormat().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.structured.format.file")).isNull();
    }

    @Test
    @DisplayName("json in the terminal chat: the terminal stays the conversation, the log file is ECS")
    void jsonInTheTerminal() {
        StandardEnvironment environment = environment(Map.of("plugboard.log-format", "JSON"));

        new LogFormat().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.file")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    @DisplayName("plain (the default) changes nothing, and what the operator set for structured logging wins")
    void plainAndOperator() {
        StandardEnvironment plain = environment(Map.of("plugboard.discord.token", "t"));
        StandardEnvironment operator = environment(Map.of("plugboard.log-format", "json", "plugboard.discord.token", "t",
                "logging.structured.format.console", "logstash"));

        new LogFormat().postProcessEnvironment(plain, new SpringApplication());
        new LogFormat().postProcessEnvironment(operator, new SpringApplication());

        assertThat(plain.getPropertySources().contains(LogFormat.SOURCE)).isFalse();
        assertThat(operator.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    @DisplayName("an unknown format stops the start, naming the value and the two that work")
    void unknown() {
        StandardEnvironment environment = environment(Map.of("plugboard.log-format", "xml"));

        assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("PLUGBOARD_LOG_FORMAT is \"xml\", which is not a log format Plugboard knows.")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("plain (the default) or json"));
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        return environment;
    }
}
