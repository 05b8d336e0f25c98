package app.plugboard.chat;

import app.plugboard.common.BrokenCharacters;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A form to fill (a Discord modal; in the terminal, one prompt per input). */
public record Form(ComponentId id, String title, List<Input> inputs) {

    /** @param submit what submitting the form does */
    public Form(Action submit, String title, List<Input> inputs) {
        this(submit.componentId(), title, inputs);
    }

    /** One thing the form asks for: typed text, or a choice. */
    public sealed interface Input {
        String key();

        String label();
    }

    /**
     * Typed text: {@link #required} or {@link #optional}, then what else it is
     * ({@code Text.optional(...).asSecret().described(...)}).
     *
     * @param secret shown empty (never prefilled), never echoed; Discord cannot hide what is typed
     * @param description a line under the label (Discord) or before the prompt (terminal)
     */
    public record Text(String key, String label, @Nullable String description, @Nullable String placeholder,
            @Nullable String value, boolean required, boolean secret, int maxLength) implements Input {
        public Text {
            Limits.check(label, Limits.FORM_INPUT_LABEL, "A form input label");
            if (description != null) {
                Limits.check(description, Limits.OPTION_TEXT, "A form input description");
            }
            if (placeholder != null) {
                Limits.check(placeholder, Limits.FORM_PLACEHOLDER, "A form placeholder");
            }
            if (secret && value != null) {
                throw new IllegalArgumentException("a secret input is never prefilled");
            }
            if (value != null) {
                Limits.check(value, Math.min(maxLength, Limits.FORM_VALUE), "A prefilled value");
            }
            if (maxLength < 1 || maxLength > Limits.FORM_VALUE) {
                throw new IllegalArgumentException("a text input takes 1 to " + Limits.FORM_VALUE + " characters");
            }
        }

        /** Text the form cannot be sent without; not secret, empty, without description or placeholder. */
        public static Text required(String key, String label, int maxLength) {
            return new Text(key, label, null, null, null, true, false, maxLength);
        }

        /** Text that may stay empty; not secret, empty, without description or placeholder. */
        public static Text optional(String key, String label, int maxLength) {
            return new Text(key, label, null, null, null, false, false, maxLength);
        }

        /** What is typed here is a secret (a password, a private address): never prefilled, kept or echoed. */
        public Text asSecret() {
            return new Text(key, label, description, placeholder, value, required, true, maxLength);
        }

        public Text described(@Nullable String line) {
            return new Text(key, label, line, placeholder, value, required, secret, maxLength);
        }

        public Text placeholder(@Nullable String example) {
            return new Text(key, label, description, example, value, required, secret, maxLength);
        }

        /**
         * Starts with {@code current} typed in; a blank or absent value leaves it empty, and so does one longer than the
         * input takes (sent by a client that ignored the limit) or one with half a character: it could be neither shown
         * nor sent back.
         */
        public Text prefilled(@Nullable String current) {
            boolean fits = current != null && !current.isBlank() && current.length() <= Math.min(maxLength, Limits.FORM_VALUE)
                    && !BrokenCharacters.present(current);
            return new Text(key, label, description, placeholder, fits ? current : null, required, secret, maxLength);
        }
    }

    /** One choice among options, which must be made; the selected option is the prefill. */
    public record Choice(String key, String label, @Nullable String description, List<Option> options, boolean required)
            implements Input {
        public Choice {
            Limits.check(label, Limits.FORM_INPUT_LABEL, "A form input label");
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > Limits.SELECT_OPTIONS) {
                throw new IllegalArgumentException("a choice has 1 to " + Limits.SELECT_OPTIONS + " options");
            }
        }

        /** A required choice among {@code options}, with {@code selected} (an option's value) chosen at first. */
        public static Choice of(String key, String label, List<Option> options, @Nullable String selected) {
            return new Choice(key, label, null,
                    options.stream().map(option -> option.selected(option.value().equals(selected))).toList(), true);
        }

        public Choice described(@Nullable String line) {
            return new Choice(key, label, line, options, required);
        }
    }

    /** The keys of the inputs declared secret: never prefilled, never kept, never printed. */
    public Set<String> secretKeys() {
        return inputs.stream()
                .filter(input -> input instanceof Text text && text.secret())
                .map(Input::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Form {
        Limits.check(title, Limits.FORM_TITLE, "A form title");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty() || inputs.size() > Limits.FORM_INPUTS) {
            throw new IllegalArgumentException("a form has 1 to " + Limits.FORM_INPUTS + " inputs");
        }
    }
}
