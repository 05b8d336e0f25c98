package app.plugboard.console;

import org.jspecify.annotations.Nullable;

/** Where the terminal conversation reads and writes; null means the input has ended. */
interface Terminal {

    @Nullable String readLine(String prompt);

    /** Like {@link #readLine}, but not echoed when a real terminal is attached. */
    @Nullable String readSecret(String prompt);

    void print(String text);

    /** Shows {@code prompt} again, for the {@link #readLine} that is waiting (after something was printed meanwhile). */
    void reprompt(String prompt);
}
