package app.plugboard.soak;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Counts the warnings and errors logged while it is on, by logger and message pattern, so a soak says what
 * the log said: an error line (an unhandled exception, "something went wrong") fails the run like an error
 * answer does; warnings are reported.
 */
final class LogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> warnings = new ConcurrentHashMap<>();

    static LogWatch watch() {
        LogWatch watch = new LogWatch();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        watch.setContext(context);
        watch.setName("soak-log-watch");
        watch.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(watch);
        return watch;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            String key = shortName(event.getLoggerName()) + ": " + event.getMessage()
                    + (event.getThrowableProxy() == null ? "" : " [" + event.getThrowableProxy().getClassName() + "]");
            (event.getLevel().isGreaterOrEqual(Level.ERROR) ? errors : warnings)
                    .computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    Map<String, Integer> errors() {
        return counts(errors);
    }

    Map<String, Integer> warnings() {
        return counts(warnings);
    }

    int errorCount() {
        return errors.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int warningCount() {
        return warnings.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static Map<String, Integer> counts(Map<String, AtomicInteger> counted) {
        Map<String, Integer> counts = new TreeMap<>();
        counted.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    private static String shortName(String logger) {
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    @Override
    public void close() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }
}
