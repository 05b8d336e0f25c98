package app.plugboard.console;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the terminal chat the terminal is a conversation: only warnings and errors reach it, one line each
 * and without stack traces, while the whole log goes to a rolling file in the data directory. With a
 * Discord token nothing changes: logs go to standard output, as containers expect. Registered in
 * {@code META-INF/spring.factories}; runs after the configuration files are read and before logging
 * starts. Whatever the operator sets for these {@code logging.*} properties still wins.
 */
public class TerminalLogging implements EnvironmentPostProcessor {

    static final String SOURCE = "plugboardTerminalLogging";
    static final String LOG_FILE = "logs/plugboard.log";
    /** Level and message on one line; a message of several lines is joined, an exception is left to the file. */
    static final String CONSOLE_PATTERN = "%clr(%-5level) %replace(%msg){'\\s*[\\r\\n]+\\s*', ' '}%n%nopex";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!terminalChat(environment)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("plugboard.data-dir", "./data"));
        Map<String, Object> logging = new LinkedHashMap<>();
        logging.put("logging.file.name", dataDir.resolve(LOG_FILE).toString());
        logging.put("logging.threshold.console", "WARN");
        logging.put("logging.pattern.console", CONSOLE_PATTERN);
        logging.put("logging.logback.rollingpolicy.max-file-size", "10MB");
        logging.put("logging.logback.rollingpolicy.max-history", "7");
        logging.put("logging.logback.rollingpolicy.total-size-cap", "100MB");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, logging));
    }

    /** The same condition as {@link ConsoleChat}'s: the terminal is a conversation, and the log goes to a file. */
    public static boolean terminalChat(ConfigurableEnvironment environment) {
        return environment.getProperty("plugboard.console.enabled", Boolean.class, true)
                && environment.getProperty("plugboard.discord.token", "").isEmpty();
    }
}
