package app.plugboard.integration.calendar;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The calendars of the platform, for workflows: the events of a time range, recurrences expanded, of a
 * calendar integration its owner connected. Same fetching and limits as the connection check (a feed that
 * has not changed is not downloaded again); times as instants, all-day events from midnight in the
 * configured zone. One read, one {@link FetchBudget} across its requests.
 */
public class CalendarAccess {

    /** The longest range one call may ask for. */
    public static final Duration MAX_RANGE = Duration.ofDays(400);

    private final IntegrationService integrations;
    private final CalendarSources sources;
    private final CalDav caldav;
    private final ZoneId zone;

    CalendarAccess(IntegrationService integrations, CalendarSources sources, CalDav caldav, ZoneId zone) {
        this.integrations = integrations;
        this.sources = sources;
        this.caldav = caldav;
        this.zone = zone;
    }

    /**
     * The occurrences of {@code [from, to)} in the owner's calendar integration, sorted by start.
     *
     * @throws app.plugboard.common.NotFoundException when {@code owner} has no such integration
     * @throws IllegalArgumentException when it is not a calendar, or the range is empty or longer than {@link #MAX_RANGE}
     * @throws CalendarUnavailableException when the calendar cannot be read now, with what to do
     */
    public Expansion events(UserId owner, IntegrationId calendar, Instant from, Instant to) throws CalendarUnavailableException {
        IntegrationSettings settings = integrations.settings(owner, calendar);
        return events(settings, settings instanceof CalendarFeedSettings feed ? FeedCache.key(owner, calendar, feed) : null,
                from, to);
    }

    /** The same, for settings at hand (not necessarily stored): a feed is read in full. */
    public Expansion events(IntegrationSettings settings, Instant from, Instant to) throws CalendarUnavailableException {
        return events(settings, null, from, to);
    }

    private Expansion events(IntegrationSettings settings, @Nullable String cacheKey, Instant from, Instant to)
            throws CalendarUnavailableException {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("a range of up to " + MAX_RANGE.toDays() + " days, start before end");
        }
        FetchBudget budget = sources.budget();
        if (settings instanceof CalendarFeedSettings feed) {
            try (IcsCalendar calendar = sources.feed(feed, cacheKey, budget)) {
                return calendar.expand(from, to, zone);
            }
        }
        if (settings instanceof CalDavSettings dav) {
            List<CalDav.Calendar> calendars = dav.calendarUrl() != null
                    ? List.of(new CalDav.Calendar(CalendarSources.uri(dav.calendarUrl()), "", null))
                    : caldav.calendars(dav, budget);
            List<byte[]> events = new ArrayList<>();
            for (CalDav.Calendar each : calendars) {
                events.addAll(caldav.events(dav, each.url(), from, to, budget));
            }
            try (IcsCalendar calendar = sources.reader().readAll(events)) {
                return calendar.expand(from, to, zone);
            }
        }
        throw new IllegalArgumentException("not a calendar: " + settings.type().displayName());
    }
}
