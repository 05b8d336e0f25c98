package app.plugboard.console;

import java.io.Console;
import org.jspecify.annotations.Nullable;

/** A real terminal: passwords are read without echo. */
final class SystemConsoleTerminal implements Terminal {

    private final Console console;

    SystemConsoleTerminal(Console console) {
        this.console = console;
    }

    @Override
    public @Nullable String readLine(String prompt) {
        return console.readLine("%s", prompt);
    }

    @Override
    public @Nullable String readSecret(String prompt) {
        char[] secret = console.readPassword("%s", prompt);
        return secret == null ? null : new String(secret);
    }

    @Override
    public void print(String text) {
        console.printf("%s%n", text);
        console.flush();
    }

    @Override
    public void reprompt(String prompt) {
        console.printf("%s", prompt);
        console.flush();
    }
}
