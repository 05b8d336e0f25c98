package app.plugboard.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * The second JVM's standard error passed on to this one's, line by line and byte for byte, but for the lines
 * {@code dropped} matches (read as ISO-8859-1, which any ASCII text the JVM writes matches as it is).
 */
final class FilteredErrors {

    private FilteredErrors() {
    }

    /** Copies on a daemon thread of its own, until {@code from} ends; join it to have every line written. */
    static Thread copy(InputStream from, OutputStream to, Predicate<String> dropped) {
        Thread copying = new Thread(() -> {
            try (InputStream in = from) {
                run(in, to, dropped);
            } catch (IOException e) {
                // the other JVM is gone: nothing more to pass on
            }
        }, "fast-start-errors");
        copying.setDaemon(true);
        copying.start();
        return copying;
    }

    static void run(InputStream from, OutputStream to, Predicate<String> dropped) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = from.read()) != -1) {
            line.write(next);
            if (next == '\n') {
                pass(line, to, dropped);
            }
        }
        pass(line, to, dropped);
    }

    private static void pass(ByteArrayOutputStream line, OutputStream to, Predicate<String> dropped) throws IOException {
        if (line.size() > 0 && !dropped.test(line.toString(StandardCharsets.ISO_8859_1))) {
            line.writeTo(to);
            to.flush();
        }
        line.reset();
    }
}
