package app.plugboard.integration.chat;

import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.common.FieldProblem;
import app.plugboard.common.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small helpers for the type forms: building fields and reading what was typed. */
public final class FormFields {

    public static final String DISCORD_SHOWS_IT = "Discord shows what you type here: an app password is safer.";
    public static final String EMPTY_KEEPS = "Leave empty to keep the one stored now.";
    /** For a stored secret in a form that can change where it goes. */
    public static final String NEEDED_FOR_NEW_SERVER = "Needed again when you change the server. " + EMPTY_KEEPS;

    private FormFields() {
    }

    public static Form.Text text(String key, String label, @Nullable String description, @Nullable String placeholder,
            Map<String, String> prefill, boolean required, int maxLength) {
        return new Form.Text(key, label, description, placeholder, emptyToNull(prefill.get(key)), required, false, maxLength);
    }

    public static Form.Text secret(String key, String label, String description, boolean required) {
        return new Form.Text(key, label, description, null, null, required, true, 1000);
    }

    public static Form.Choice choice(String key, String label, @Nullable String description, List<Option> options,
            @Nullable String selected) {
        return new Form.Choice(key, label, description,
                options.stream().map(option -> option.selected(option.value().equals(selected))).toList(), true);
    }

    public static @Nullable String value(Map<String, String> typed, String key) {
        return emptyToNull(typed.get(key));
    }

    /** A whole number, or a problem naming the field; empty gives null. */
    public static @Nullable Integer number(Map<String, String> typed, String key, String label, String hint) {
        String value = value(typed, key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new FieldProblem(key, label + " must be a number (" + hint + ")."));
        }
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
