package app.plugboard.chat;

import app.plugboard.common.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Something a person did in the chat. Component and form ids arrive raw and are decoded by the router. */
public sealed interface ChatEvent {

    UserId user();

    /** A slash command, e.g. {@code /integration add type:imap label:Work}. */
    record Command(UserId user, String command, String subcommand, Map<String, String> options) implements ChatEvent {
        public Command {
            options = Map.copyOf(options);
        }

        public String option(String name) {
            return options.getOrDefault(name, "");
        }
    }

    /** The person is typing option {@code focused} of a command; {@code options} holds what is typed so far. */
    record Autocomplete(UserId user, String command, String subcommand, String focused, Map<String, String> options)
            implements ChatEvent {
        public Autocomplete {
            options = Map.copyOf(options);
        }

        public String typed() {
            return options.getOrDefault(focused, "");
        }
    }

    /**
     * A submitted form.
     *
     * @param secretKeys the fields the form declared secret; printed as {@code ***}
     */
    record FormSubmit(UserId user, String formId, Map<String, String> values, Set<String> secretKeys) implements ChatEvent {
        public FormSubmit {
            values = Map.copyOf(values);
            secretKeys = Set.copyOf(secretKeys);
        }

        /** From a transport that cannot tell which fields were secret (Discord does not send the form back): all are. */
        public FormSubmit(UserId user, String formId, Map<String, String> values) {
            this(user, formId, values, values.keySet());
        }

        @Override
        public String toString() {
            return "FormSubmit[user=" + user + ", formId=" + formId + ", values=" + TypedValues.masked(values, secretKeys) + "]";
        }
    }

    record Click(UserId user, String buttonId) implements ChatEvent {
    }

    record Choose(UserId user, String selectId, List<String> values) implements ChatEvent {
        public Choose {
            values = List.copyOf(values);
        }
    }
}
