package app.plugboard.common;

import java.util.Objects;

/**
 * What is wrong with one input field, in words the user can act on.
 *
 * @param field the field's stable key (for the form that shows it)
 * @param message a sentence that names the field as the user sees it, and what to do
 */
public record FieldProblem(String field, String message) {

    public FieldProblem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
    }

    @Override
    public String toString() {
        return message;
    }
}
