package app.plugboard.ops;

import app.plugboard.common.StartupProblem;
import app.plugboard.console.TerminalLogging;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code PLUGBOARD_LOG_FORMAT=json}: the log is Spring Boot's structured logging in the Elastic Common
 * Schema (ECS), one JSON object a line, with the interaction's reference as the field {@code ref}. With a
 * Discord token (or no terminal chat) that is standard output, as containers expect. In the terminal chat
 * the terminal stays the conversation (warnings on one line each, as text) and the log file is JSON.
 * {@code plain} (the default) changes nothing. Registered in {@code META-INF/spring.factories}; whatever the
 * operator sets for {@code logging.structured.*} still wins.
 */
class LogFormat implements EnvironmentPostProcessor {

    static final String SOURCE = "plugboardLogFormat";
    static final String PROPERTY = "plugboard.log-format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "plain").strip().toLowerCase(Locale.ROOT);
        if (format.isEmpty() || format.equals("plain")) {
            return;
        }
        if (!format.equals("json")) {
            throw new StartupProblem("PLUGBOARD_LOG_FORMAT is \"" + environment.getProperty(PROPERTY) + "\", which is not a "
                    + "log format Plugboard knows.", "Set PLUGBOARD_LOG_FORMAT to plain (the default) or json.");
        }
        String target = TerminalLogging.terminalChat(environment) ? "file" : "console";
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of("logging.structured.format." + target, "ecs")));
    }
}
