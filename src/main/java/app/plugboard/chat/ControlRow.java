package app.plugboard.chat;

import java.util.List;

/** One row under a message: up to five buttons and links, or one select. */
public record ControlRow(List<Control> controls) {

    public ControlRow {
        controls = List.copyOf(controls);
        boolean hasSelect = controls.stream().anyMatch(Control.Select.class::isInstance);
        if (controls.isEmpty() || (hasSelect && controls.size() != 1) || controls.size() > Limits.BUTTONS_PER_ROW) {
            throw new IllegalArgumentException("a row holds one select, or one to five buttons");
        }
    }

    public static ControlRow of(Control... controls) {
        return new ControlRow(List.of(controls));
    }
}
