package app.plugboard.console;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Runs a terminal session on lines of piped input and returns everything it printed. */
public final class TerminalDriver {

    private TerminalDriver() {
    }

    public static String converse(ChatRouter router, UserId user, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new StringReader(String.join("\n", lines) + (lines.length == 0 ? "" : "\n")));
        new ConsoleSession(router, user, new StreamTerminal(in, out)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
