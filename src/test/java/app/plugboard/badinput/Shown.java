package app.plugboard.badinput;

import java.util.List;

/**
 * A button, select or form that Plugboard really showed someone: its id, and what may be sent back with it (the
 * values of a select's options, the keys of a form's inputs).
 */
record Shown(Kind kind, String id, List<String> values) {

    enum Kind { BUTTON, SELECT, FORM }

    Shown {
        values = List.copyOf(values);
    }

    /** {@code feature:name}, as the router dispatches on. */
    String route() {
        String[] parts = id.split(":", -1);
        return parts.length < 2 ? id : parts[0] + ":" + parts[1];
    }
}
