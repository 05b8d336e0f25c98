package app.plugboard.chat;

import java.util.List;

/** Something to click or choose under a message. */
public sealed interface Control {

    enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER }

    record Button(ComponentId id, String label, Style style, boolean disabled) implements Control {

        public static final String TRY_AGAIN = "Try again";

        public Button {
            Limits.check(label, Limits.BUTTON_LABEL, "A button label");
        }

        public static Button of(ComponentId id, String label, Style style) {
            return new Button(id, label, style, false);
        }

        public static Button of(Action action, String label, Style style) {
            return of(action.componentId(), label, style);
        }

        /** The way back into a form after a refusal, prefilled with what was typed (except secrets). */
        public static Button tryAgain(Action reopen) {
            return of(reopen, TRY_AGAIN, Style.PRIMARY);
        }
    }

    /** Opens a web page (Discord: a link button). */
    record Link(String label, String url) implements Control {
        public Link {
            Limits.check(label, Limits.BUTTON_LABEL, "A link label");
        }
    }

    record Select(ComponentId id, String placeholder, List<Option> options) implements Control {
        public Select {
            Limits.check(placeholder, Limits.SELECT_PLACEHOLDER, "A select placeholder");
            options = List.copyOf(options);
            if (options.isEmpty() || options.size() > Limits.SELECT_OPTIONS) {
                throw new IllegalArgumentException("a select has 1 to " + Limits.SELECT_OPTIONS + " options");
            }
        }

        public static Select of(Action action, String placeholder, List<Option> options) {
            return new Select(action.componentId(), placeholder, options);
        }
    }
}
