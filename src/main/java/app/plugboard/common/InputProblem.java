package app.plugboard.common;

import java.util.Objects;

/**
 * What is wrong with one value a person gave (a form input, a command option, a setting), in words
 * they can act on.
 *
 * @param key     the stable key of what is wrong (a form input's key, a settings field's name)
 * @param message a sentence that names it as the person sees it, and what to do
 */
public record InputProblem(String key, String message) {

    public InputProblem {
        Objects.requireNonNull(key);
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return message;
    }
}
