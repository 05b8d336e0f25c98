package app.plugboard.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** Standard input and output when they are not a terminal (piped), or in tests. */
final class StreamTerminal implements Terminal {

    private final BufferedReader in;
    private final PrintStream out;

    StreamTerminal(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public @Nullable String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public @Nullable String readSecret(String prompt) {
        return readLine(prompt);
    }

    @Override
    public void print(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void reprompt(String prompt) {
        out.print(prompt);
        out.flush();
    }
}
