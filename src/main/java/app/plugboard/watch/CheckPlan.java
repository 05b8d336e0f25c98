package app.plugboard.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When an integration is checked next. The first check comes at a random moment within one interval, so
 * integrations added or found at one time (a start, an upgrade) are spread over it; after that each keeps its
 * place: one interval after the check was due, so each is checked once per interval and the load stays spread.
 * One that fails for a reason that may pass is checked again sooner: after 5 minutes, then each time after twice
 * the wait before (10, 20, 40 minutes...), never later than one interval.
 */
final class CheckPlan {

    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    /** A check whose server already has its share of checks waits a moment, then tries again. */
    static final Duration HOST_BUSY_MIN = Duration.ofSeconds(2);
    static final Duration HOST_BUSY_MAX = Duration.ofSeconds(10);

    private final Duration interval;

    CheckPlan(Duration interval) {
        this.interval = interval;
    }

    /** A new integration, or one found without a schedule: somewhere within the next interval. */
    Instant first(Instant now) {
        return now.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis())));
    }

    /**
     * @param due              when the check that just ran was due
     * @param transientFailure whether it failed for a reason that may pass
     * @param failingSince     since when it failed before this check, if it did
     * @param lastCheckedAt    when it was checked before this check
     */
    Instant next(Instant due, boolean transientFailure, @Nullable Instant failingSince, @Nullable Instant lastCheckedAt,
            Instant now) {
        if (transientFailure) {
            Duration wait = FIRST_RETRY;
            if (failingSince != null && lastCheckedAt != null) { // the check before failed too: wait twice as long as then
                long waitedMinutes = Math.round(Duration.between(lastCheckedAt, due).toSeconds() / 60.0);
                Duration doubled = Duration.ofMinutes(2 * waitedMinutes);
                wait = doubled.compareTo(FIRST_RETRY) > 0 ? doubled : FIRST_RETRY;
            }
            return now.plus(wait.compareTo(interval) > 0 ? interval : wait);
        }
        Instant inPlace = due.plus(interval);
        // behind by a whole interval (this Plugboard was stopped, or checks piled up): spread again rather than
        // checking everything that waited at once
        return inPlace.isAfter(now) ? inPlace : first(now);
    }

    Instant hostBusy(Instant now) {
        return now.plusMillis(ThreadLocalRandom.current().nextLong(HOST_BUSY_MIN.toMillis(), HOST_BUSY_MAX.toMillis() + 1));
    }
}
