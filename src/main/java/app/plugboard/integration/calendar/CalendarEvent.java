package app.plugboard.integration.calendar;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of an event, as the rest of Plugboard sees it: recurrences already expanded, times as
 * instants. Floating times and all-day events are read in the zone the expansion was asked for (the
 * configured {@code plugboard.calendar.zone} unless a caller gives another): an all-day event starts and
 * ends at midnight there.
 *
 * @param uid       the event's UID (shared by every occurrence of a series)
 * @param title     its SUMMARY, or "(no title)"
 * @param end       exclusive; equal to {@code start} for an event without duration
 * @param recurring whether it is one occurrence of a series (or a changed occurrence of one)
 */
public record CalendarEvent(String uid, String title, @Nullable String location, Instant start, Instant end,
        boolean allDay, boolean recurring) {
}
