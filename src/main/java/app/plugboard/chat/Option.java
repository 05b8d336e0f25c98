package app.plugboard.chat;

import org.jspecify.annotations.Nullable;

/** One choice of a select: what is sent back ({@code value}) and what is shown. */
public record Option(String value, String label, @Nullable String description, boolean selected) {

    public Option {
        Limits.check(value, Limits.OPTION_TEXT, "An option value");
        Limits.check(label, Limits.OPTION_TEXT, "An option label");
        if (description != null) {
            Limits.check(description, Limits.OPTION_TEXT, "An option description");
        }
    }

    public static Option of(String value, String label) {
        return new Option(value, label, null, false);
    }

    public static Option of(String value, String label, @Nullable String description) {
        return new Option(value, label, description, false);
    }

    public Option selected(boolean isSelected) {
        return new Option(value, label, description, isSelected);
    }
}
