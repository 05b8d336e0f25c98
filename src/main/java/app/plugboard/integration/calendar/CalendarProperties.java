package app.plugboard.integration.calendar;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How calendars are fetched and shown (README, "Calendars").
 *
 * @param allowHttp       whether plain {@code http://} addresses may be fetched (https is always allowed;
 *                        a redirect from https to http is always refused)
 * @param maxBytes        the most a server may send, counted on the wire while reading
 * @param maxUnpackedBytes the most a gzip-compressed answer may unpack to
 * @param connectTimeout  how long to wait for a connection
 * @param readTimeout     how long to wait for the next bytes
 * @param deadline        how long one fetch may take in all, redirects included
 * @param maxRedirects    how many redirects to follow
 * @param totalDeadline   how long one check (or one read for a workflow) may take in all, across its requests:
 *                        the discovery of a CalDAV account and each of its calendars
 * @param maxTotalBytes   how much the answers of one check may hold in all, across its requests
 * @param zone            the time zone of the times shown in the chat (and of floating times in feeds)
 */
@ConfigurationProperties("plugboard.calendar")
public record CalendarProperties(
        @DefaultValue("true") boolean allowHttp,
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("10MB") DataSize maxUnpackedBytes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("30s") Duration deadline,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("60s") Duration totalDeadline,
        @DefaultValue("25MB") DataSize maxTotalBytes) {

    public CalendarProperties {
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("plugboard.calendar.max-redirects must be from 0 to 20");
        }
    }

    /** The defaults, for code that runs without Spring (tests, the benchmark). */
    public static CalendarProperties defaults() {
        return new CalendarProperties(true, DataSize.ofMegabytes(10), DataSize.ofMegabytes(10), Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30), 5, ZoneId.of("UTC"), Duration.ofSeconds(60),
                DataSize.ofMegabytes(25));
    }

    FetchLimits limits() {
        return new FetchLimits(allowHttp, maxBytes.toBytes(), maxUnpackedBytes.toBytes(), connectTimeout, readTimeout,
                deadline, maxRedirects, totalDeadline, maxTotalBytes.toBytes());
    }
}
