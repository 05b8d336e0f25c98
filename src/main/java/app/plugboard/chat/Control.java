package app.plugboard.chat;

import java.util.List;

/** Something to click or choose under a message. */
public sealed interface Control {

    enum Style { PRIMARY, SECONDARY, SUCCESS, DANGER }

    record Button(ComponentId id, String label, Style style, boolean disabled) implements Control {
        public Button {
            Limits.check(label, Limits.BUTTON_LABEL, "A button label");
        }

        public static Button of(ComponentId id, String label, Style style) {
            return new Button(id, label, style, false);
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
    }
}
