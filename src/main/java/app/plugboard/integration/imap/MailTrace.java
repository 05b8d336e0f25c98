package app.plugboard.integration.imap;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Angus Mail's protocol trace (when {@code plugboard.imap.debug} is on), line by line into the
 * log. Angus leaves the login out ({@code mail.debug.auth} stays false); each line is also
 * redacted, in case a server echoes a password.
 */
final class MailTrace extends OutputStream {

    private static final Logger log = LoggerFactory.getLogger(MailTrace.class);
    private static final int MAX_LINE = 2000;

    private final String prefix;
    private final Redaction redaction;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private MailTrace(String prefix, Redaction redaction) {
        this.prefix = prefix;
        this.redaction = redaction;
    }

    static PrintStream stream(String prefix, Redaction redaction) {
        return new PrintStream(new MailTrace(prefix, redaction), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r' && line.size() < MAX_LINE) {
            line.write(b);
        }
    }

    @Override
    public synchronized void close() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() > 0) {
            log.info("{} {}", prefix, redaction.apply(line.toString(StandardCharsets.UTF_8)));
            line.reset();
        }
    }
}
