package app.plugboard.integration.chat;

import app.plugboard.chat.Form;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the type forms share: the hints of secret inputs, and reading what was typed into a form's inputs. */
public final class FormInputs {

    public static final String DISCORD_SHOWS_IT = "Discord shows what you type here: an app password is safer.";
    public static final String EMPTY_KEEPS = "Leave empty to keep the one stored now.";
    /** For a stored secret in a form that can change where it goes. */
    public static final String NEEDED_FOR_NEW_SERVER = "Needed again when you change the server. " + EMPTY_KEEPS;
    private static final int SECRET_LENGTH = 1000;

    private FormInputs() {
    }

    /** A password that may stay empty (to keep the stored one): never prefilled, never echoed. */
    public static Form.Text secret(String key, String label, String description) {
        return Form.Text.optional(key, label, SECRET_LENGTH).asSecret().described(description);
    }

    /** A password the form cannot be sent without: never prefilled, never echoed. */
    public static Form.Text requiredSecret(String key, String label, String description) {
        return Form.Text.required(key, label, SECRET_LENGTH).asSecret().described(description);
    }

    /** What was typed into {@code key}, or null when it was left empty. */
    public static @Nullable String value(Map<String, String> typed, String key) {
        String value = typed.get(key);
        return value == null || value.isBlank() ? null : value;
    }

    /** A whole number, or a problem naming the input; empty gives null. */
    public static @Nullable Integer number(Map<String, String> typed, String key, String label, String hint) {
        String value = value(typed, key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new InputProblem(key, label + " must be a number (" + hint + ")."));
        }
    }
}
