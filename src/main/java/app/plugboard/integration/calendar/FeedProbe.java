package app.plugboard.integration.calendar;

import app.plugboard.integration.CalendarFeedSettings;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Checks an iCal feed by reading it: fetched through {@link CalendarHttp}, parsed, the coming year expanded.
 * A feed that is still unchanged since the last check is not downloaded again (see {@link FeedCache}).
 */
final class FeedProbe implements ConnectionProbe {

    static final Duration AHEAD = Duration.ofDays(366);

    private final CalendarSources sources;
    private final ZoneId zone;

    FeedProbe(CalendarSources sources, ZoneId zone) {
        this.sources = sources;
        this.zone = zone;
    }

    @Override
    public SettingsKind kind() {
        return SettingsKind.CALENDAR_FEED;
    }

    @Override
    public CheckResult check(IntegrationSettings settings) {
        CalendarFeedSettings feed = (CalendarFeedSettings) settings;
        try (IcsCalendar calendar = sources.feed(feed)) {
            Instant now = sources.now();
            Expansion upcoming = calendar.expand(now, now.plus(AHEAD), zone);
            return CheckResult.connected(Preview.of(calendar.name().orElse("The calendar"), calendar.eventCount(), "",
                    upcoming, zone));
        } catch (CalendarUnavailableException e) {
            return e.toCheckResult();
        }
    }
}
