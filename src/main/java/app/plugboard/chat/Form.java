package app.plugboard.chat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A form to fill (a Discord modal; in the terminal, one prompt per field). */
public record Form(ComponentId id, String title, List<Field> fields) {

    /** @param submit what submitting the form does */
    public Form(Action submit, String title, List<Field> fields) {
        this(submit.componentId(), title, fields);
    }

    public sealed interface Field {
        String key();

        String label();
    }

    /**
     * @param secret shown empty (never prefilled), never echoed; Discord cannot hide what is typed
     * @param description a line under the label (Discord) or before the prompt (terminal)
     */
    public record Text(String key, String label, @Nullable String description, @Nullable String placeholder,
            @Nullable String value, boolean required, boolean secret, int maxLength) implements Field {
        public Text {
            Limits.check(label, Limits.FORM_FIELD_LABEL, "A form field label");
            if (description != null) {
                Limits.check(description, Limits.OPTION_TEXT, "A form field description");
            }
            if (placeholder != null) {
                Limits.check(placeholder, Limits.FORM_PLACEHOLDER, "A form placeholder");
            }
            if (secret && value != null) {
                throw new IllegalArgumentException("a secret field is never prefilled");
            }
            if (value != null) {
                Limits.check(value, Math.min(maxLength, Limits.FORM_VALUE), "A prefilled value");
            }
            if (maxLength < 1 || maxLength > Limits.FORM_VALUE) {
                throw new IllegalArgumentException("a text field takes 1 to " + Limits.FORM_VALUE + " characters");
            }
        }
    }

    /** One choice among options; the selected option is the prefill. */
    public record Choice(String key, String label, @Nullable String description, List<Option> options, boolean required)
            implements Field {
        public Choice {
            Limits.check(label, Limits.FORM_FIELD_LABEL, "A form field label");
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > Limits.SELECT_OPTIONS) {
                throw new IllegalArgumentException("a choice has 1 to " + Limits.SELECT_OPTIONS + " options");
            }
        }
    }

    /** The keys of the fields declared secret: never prefilled, never kept, never printed. */
    public Set<String> secretKeys() {
        return fields.stream()
                .filter(field -> field instanceof Text text && text.secret())
                .map(Field::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Form {
        Limits.check(title, Limits.FORM_TITLE, "A form title");
        fields = List.copyOf(fields);
        if (fields.isEmpty() || fields.size() > Limits.FORM_FIELDS) {
            throw new IllegalArgumentException("a form has 1 to " + Limits.FORM_FIELDS + " fields");
        }
    }
}
