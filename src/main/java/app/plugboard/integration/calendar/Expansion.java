package app.plugboard.integration.calendar;

import java.util.List;

/**
 * The occurrences of a time range, sorted by start.
 *
 * @param cutShort whether a cap stopped the expansion (a rule repeating every second, a huge feed): the
 *                 list then holds what was found within the caps, earliest first per event
 */
public record Expansion(List<CalendarEvent> events, boolean cutShort) {

    public Expansion {
        events = List.copyOf(events);
    }
}
