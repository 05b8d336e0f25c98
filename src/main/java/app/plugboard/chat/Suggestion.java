package app.plugboard.chat;

/** One autocomplete choice: shown {@code label}, sent back {@code value}. */
public record Suggestion(String label, String value) {

    public Suggestion {
        Limits.check(label, Limits.SUGGESTION_TEXT, "A suggestion label");
        Limits.check(value, Limits.SUGGESTION_TEXT, "A suggestion value");
    }
}
