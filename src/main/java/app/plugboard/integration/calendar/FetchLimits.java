package app.plugboard.integration.calendar;

import java.time.Duration;

/**
 * The bounds of fetching (security notes, rules 10, 12, 15 and 27): what {@link CalendarHttp} enforces on each
 * request, and what one check may use in all, across every request it makes ({@link FetchBudget}).
 *
 * @param deadline      how long one request may take, redirects included
 * @param totalDeadline how long all the requests of one check may take together
 * @param maxTotalBytes how many bytes the answers of one check may hold together
 */
public record FetchLimits(
        boolean allowHttp,
        long maxBytes,
        long maxUnpackedBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        int maxRedirects,
        Duration totalDeadline,
        long maxTotalBytes) {

    public FetchLimits {
        if (maxBytes < 1 || maxUnpackedBytes < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("the size caps are positive");
        }
    }

    public FetchLimits withDeadline(Duration newDeadline) {
        return new FetchLimits(allowHttp, maxBytes, maxUnpackedBytes, connectTimeout, readTimeout, newDeadline, maxRedirects,
                totalDeadline, maxTotalBytes);
    }

    public FetchLimits withMaxBytes(long bytes, long unpacked) {
        return new FetchLimits(allowHttp, bytes, unpacked, connectTimeout, readTimeout, deadline, maxRedirects, totalDeadline,
                maxTotalBytes);
    }

    public FetchLimits withTimeouts(Duration connect, Duration read) {
        return new FetchLimits(allowHttp, maxBytes, maxUnpackedBytes, connect, read, deadline, maxRedirects, totalDeadline,
                maxTotalBytes);
    }

    public FetchLimits withAllowHttp(boolean allowed) {
        return new FetchLimits(allowed, maxBytes, maxUnpackedBytes, connectTimeout, readTimeout, deadline, maxRedirects,
                totalDeadline, maxTotalBytes);
    }

    public FetchLimits withTotal(Duration time, long bytes) {
        return new FetchLimits(allowHttp, maxBytes, maxUnpackedBytes, connectTimeout, readTimeout, deadline, maxRedirects, time,
                bytes);
    }
}
