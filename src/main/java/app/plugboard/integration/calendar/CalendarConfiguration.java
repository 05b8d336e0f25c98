package app.plugboard.integration.calendar;

import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationService;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar type's parts: fetching, reading, the two probes and {@link CalendarAccess}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** What the in-memory copies of unchanged feeds may hold in all. */
    static final long FEED_CACHE_BYTES = 32L << 20;

    @Bean
    CalendarHttp calendarHttp(DestinationGuard guard, CalendarProperties properties, TlsTrust trust) {
        return new CalendarHttp(guard, properties.limits(), CalendarHttp.Tls.of(trust));
    }

    @Bean
    CalendarSources calendarSources(CalendarHttp http, Clock clock) {
        return new CalendarSources(http, new IcsReader(), new FeedCache(FEED_CACHE_BYTES), clock);
    }

    @Bean
    CalDav calDav(CalendarSources sources) {
        return new CalDav(sources);
    }

    @Bean
    ConnectionProbe calendarFeedProbe(CalendarSources sources, CalendarProperties properties) {
        return new FeedProbe(sources, properties.zone());
    }

    @Bean
    ConnectionProbe calDavProbe(CalDav caldav, CalendarSources sources, CalendarProperties properties) {
        return new CalDavProbe(caldav, sources, properties.zone());
    }

    @Bean
    CalendarAccess calendarAccess(IntegrationService integrations, CalendarSources sources, CalDav caldav,
            CalendarProperties properties) {
        return new CalendarAccess(integrations, sources, caldav, properties.zone());
    }
}
