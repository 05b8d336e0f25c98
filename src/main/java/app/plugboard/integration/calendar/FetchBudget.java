package app.plugboard.integration.calendar;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one check (or one read for a workflow) may use in all, across every request it makes (security notes,
 * rule 27): a deadline, counted from when the budget was made, and a number of bytes the answers may hold
 * together. {@link CalendarHttp#send} takes one with every request, so the discovery of a CalDAV account and
 * each of "all calendars" draw on the same budget; each request also keeps its own, smaller bounds.
 */
public final class FetchBudget {

    private final Duration time;
    private final long deadline;
    private final long bytes;
    private final AtomicLong left;
    private final AtomicInteger requests = new AtomicInteger();

    FetchBudget(Duration time, long bytes) {
        this.time = time;
        this.deadline = System.nanoTime() + time.toNanos();
        this.bytes = bytes;
        this.left = new AtomicLong(bytes);
    }

    /** The budget of {@link FetchLimits#totalDeadline()} and {@link FetchLimits#maxTotalBytes()}, starting now. */
    static FetchBudget of(FetchLimits limits) {
        return new FetchBudget(limits.totalDeadline(), limits.maxTotalBytes());
    }

    Duration time() {
        return time;
    }

    /** The end, on {@link System#nanoTime()}'s scale. */
    long deadline() {
        return deadline;
    }

    boolean expired() {
        return System.nanoTime() - deadline >= 0;
    }

    long bytes() {
        return bytes;
    }

    long bytesLeft() {
        return Math.max(0, left.get());
    }

    void spend(long count) {
        left.addAndGet(-count);
    }

    /** Counts a request (or a redirect's next hop) made under this budget; returns how many so far. */
    int request() {
        return requests.incrementAndGet();
    }

    int requests() {
        return requests.get();
    }
}
