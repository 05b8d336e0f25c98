package app.plugboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs a test class with the console log in Spring Boot's structured format, ECS, written by the encoder
 * {@code PLUGBOARD_LOG_FORMAT=json} puts on standard output ({@link StructuredLogEncoder}, format {@code ecs}): every
 * line the class logs is one JSON object, so a log-capture test extended with it checks the JSON form
 * ({@code @ExtendWith(JsonLogs.class) class FooInJsonTest extends FooTest}). JSON escapes only quotes,
 * backslashes and control characters, so a secret without them reads the same in the output as in plain text.
 * After the class it fails unless something was logged as JSON, so such a test cannot pass without looking.
 */
public class JsonLogs implements BeforeEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JsonLogs.class);

    /** The console appender's own encoder, and how many lines went out as JSON meanwhile. */
    private record Swapped(Encoder<ILoggingEvent> plain, AtomicInteger lines, boolean environmentAdded) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // after the Spring context (if any) started: logging is configured by then, and stays so
        ConsoleAppender<ILoggingEvent> console = console();
        if (console.getEncoder() instanceof CountingEcsEncoder) {
            return;
        }
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        boolean addEnvironment = logging.getObject(Environment.class.getName()) == null;
        if (addEnvironment) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("jsonLogs",
                    Map.of("spring.application.name", "plugboard")));
            logging.putObject(Environment.class.getName(), environment);
        }
        AtomicInteger lines = new AtomicInteger();
        CountingEcsEncoder json = new CountingEcsEncoder(lines);
        json.setContext(logging);
        json.setFormat("ecs");
        json.start();
        Swapped swapped = new Swapped(console.getEncoder(), lines, addEnvironment);
        console.stop();
        console.setEncoder(json);
        console.start();
        context.getRoot().getStore(NAMESPACE).put(context.getRequiredTestClass(), swapped);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Swapped swapped = context.getRoot().getStore(NAMESPACE).remove(context.getRequiredTestClass(), Swapped.class);
        if (swapped == null) {
            return;
        }
        ConsoleAppender<ILoggingEvent> console = console();
        console.stop();
        console.setEncoder(swapped.plain());
        console.start();
        if (swapped.environmentAdded()) {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).removeObject(Environment.class.getName());
        }
        assertThat(swapped.lines().get()).as("lines logged as JSON by " + context.getDisplayName()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> console() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
    }

    /** Boot's structured encoder, counting what it writes. */
    private static final class CountingEcsEncoder extends StructuredLogEncoder {
        private final AtomicInteger lines;

        CountingEcsEncoder(AtomicInteger lines) {
            this.lines = lines;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            lines.incrementAndGet();
            return super.encode(event);
        }
    }
}
