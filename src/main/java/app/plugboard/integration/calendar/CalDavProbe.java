package app.plugboard.integration.calendar;

import app.plugboard.chat.PlainText;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a CalDAV account. New settings (no calendar picked yet) are discovered: with one calendar it is
 * picked at once; with several the check answers with a choice, and the conversation asks which one (or
 * all) before anything is saved. Settings with a calendar read that calendar's coming year. One check, one
 * {@link FetchBudget}: discovery and every calendar read for "all calendars" share it.
 */
final class CalDavProbe implements ConnectionProbe {

    /** The calendar name stored when the owner picked every calendar of the account. */
    static final String ALL_CALENDARS = "All calendars";

    private final CalDav caldav;
    private final CalendarSources sources;
    private final ZoneId zone;

    CalDavProbe(CalDav caldav, CalendarSources sources, ZoneId zone) {
        this.caldav = caldav;
        this.sources = sources;
        this.zone = zone;
    }

    @Override
    public SettingsKind kind() {
        return CalendarType.CALDAV;
    }

    @Override
    public CheckResult check(IntegrationSettings settings) {
        CalDavSettings dav = (CalDavSettings) settings;
        FetchBudget budget = sources.budget();
        try {
            if (dav.calendarUrl() != null) {
                CalDav.Calendar calendar = new CalDav.Calendar(CalendarSources.uri(dav.calendarUrl()),
                        dav.calendarName() == null ? "The calendar" : dav.calendarName(), null);
                return CheckResult.connected(preview(dav, List.of(calendar), calendar.name(), budget));
            }
            List<CalDav.Calendar> calendars = caldav.calendars(dav, budget);
            if (calendars.isEmpty()) {
                return CheckResult.error("The account has no calendar with events at " + server(dav) + ".",
                        CalDavSettings.SERVER_URL);
            }
            if (ALL_CALENDARS.equals(dav.calendarName())) {
                return CheckResult.connected(preview(dav, calendars, "All " + calendars.size() + " calendars", budget));
            }
            if (calendars.size() == 1) {
                CalDav.Calendar only = calendars.get(0);
                CalDavSettings narrowed = narrowed(dav, only);
                return CheckResult.choose("One calendar: " + PlainText.escaped(only.name()) + ".",
                        List.of(new CheckResult.Choice(only.name(), only.description(), narrowed,
                                CheckResult.connected(preview(dav, calendars, only.name(), budget)))));
            }
            List<CheckResult.Choice> choices = new ArrayList<>();
            for (CalDav.Calendar calendar : calendars) {
                choices.add(new CheckResult.Choice(calendar.name(), calendar.description(), narrowed(dav, calendar), null));
            }
            choices.add(new CheckResult.Choice(ALL_CALENDARS, "Every calendar of this account",
                    new CalDavSettings(dav.serverUrl(), dav.username(), dav.password(), null, ALL_CALENDARS), null));
            return CheckResult.choose("📅 The account at " + server(dav) + " has " + calendars.size() + " calendars.", choices);
        } catch (CalendarUnavailableException e) {
            return e.toCheckResult();
        }
    }

    private String preview(CalDavSettings dav, List<CalDav.Calendar> calendars, String name, FetchBudget budget)
            throws CalendarUnavailableException {
        Instant now = sources.now();
        Instant end = now.plus(FeedProbe.AHEAD);
        List<byte[]> events = new ArrayList<>();
        for (CalDav.Calendar calendar : calendars) {
            events.addAll(caldav.events(dav, calendar.url(), now, end, budget));
        }
        try (IcsCalendar calendar = sources.reader().readAll(events)) {
            return Preview.of(name, calendar.eventCount(), " in the coming year", calendar.expand(now, end, zone), zone);
        }
    }

    private static CalDavSettings narrowed(CalDavSettings dav, CalDav.Calendar calendar) {
        return new CalDavSettings(dav.serverUrl(), dav.username(), dav.password(), calendar.url().toString(), calendar.name());
    }

    private static String server(CalDavSettings dav) {
        return CalendarHttp.display(URI.create(dav.serverUrl() == null ? "" : dav.serverUrl()));
    }
}
