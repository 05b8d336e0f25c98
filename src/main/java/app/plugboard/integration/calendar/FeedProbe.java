package app.plugboard.integration.calendar;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Checks an iCal feed by reading it: fetched through {@link CalendarHttp}, parsed, the coming year expanded.
 * A stored feed that is still unchanged since its last check is not downloaded again (see {@link FeedCache}).
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
        return CalendarType.FEED;
    }

    /** Settings not stored yet: read in full, nothing kept. */
    @Override
    public CheckResult check(IntegrationSettings settings) {
        return check((CalendarFeedSettings) settings, null);
    }

    /** A stored integration: a re-check of its unchanged feed reads its own earlier copy. */
    @Override
    public CheckResult check(UserId owner, IntegrationId id, IntegrationSettings settings) {
        CalendarFeedSettings feed = (CalendarFeedSettings) settings;
        return check(feed, FeedCache.key(owner, id, feed));
    }

    private CheckResult check(CalendarFeedSettings feed, @Nullable String cacheKey) {
        try (IcsCalendar calendar = sources.feed(feed, cacheKey, sources.budget())) {
            Instant now = sources.now();
            Expansion upcoming = calendar.expand(now, now.plus(AHEAD), zone);
            return CheckResult.connected(Preview.of(calendar.name().orElse("The calendar"), calendar.eventCount(), "",
                    upcoming, zone));
        } catch (CalendarUnavailableException e) {
            return e.toCheckResult();
        }
    }
}
