package app.plugboard.integration.calendar;

import java.time.Duration;

/** The bounds of one fetch: what {@link CalendarHttp} enforces (security notes, rules 10, 12 and 15). */
public record FetchLimits(
        boolean allowHttp,
        long maxBytes,
        long maxUnpackedBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        int maxRedirects) {

    public FetchLimits {
        if (maxBytes < 1 || maxUnpackedBytes < 1) {
            throw new IllegalArgumentException("the size caps are positive");
        }
    }

    public FetchLimits withDeadline(Duration newDeadline) {
        return new FetchLimits(allowHttp, maxBytes, maxUnpackedBytes, connectTimeout, readTimeout, newDeadline, maxRedirects);
    }

    public FetchLimits withMaxBytes(long bytes, long unpacked) {
        return new FetchLimits(allowHttp, bytes, unpacked, connectTimeout, readTimeout, deadline, maxRedirects);
    }

    public FetchLimits withTimeouts(Duration connect, Duration read) {
        return new FetchLimits(allowHttp, maxBytes, maxUnpackedBytes, connect, read, deadline, maxRedirects);
    }

    public FetchLimits withAllowHttp(boolean allowed) {
        return new FetchLimits(allowed, maxBytes, maxUnpackedBytes, connectTimeout, readTimeout, deadline, maxRedirects);
    }
}
