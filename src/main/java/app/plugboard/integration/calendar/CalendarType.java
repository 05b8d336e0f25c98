package app.plugboard.integration.calendar;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.SettingsKind;

/** Calendars as Plugboard stores and names them: one type, two kinds of settings (a feed, a CalDAV server). */
public final class CalendarType {

    public static final IntegrationType TYPE = new IntegrationType("CALENDAR", "Calendar",
            "A calendar by its iCal address (Google, Outlook, Apple, any .ics) or a CalDAV server.");
    /** {@link CalendarFeedSettings}. */
    public static final SettingsKind FEED = new SettingsKind("CALENDAR_FEED", TYPE);
    /** {@link CalDavSettings}. */
    public static final SettingsKind CALDAV = new SettingsKind("CALDAV", TYPE);

    private CalendarType() {
    }
}
