package app.plugboard.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When an integration is checked next. The first check comes at a random moment within one interval, so
 * integrations added or found at one time (a start, an upgrade) are spread over it; after that each keeps its
 * place: one interval after the check was due, so each is checked once per interval and the load stays spread.
 * One that fails for a reason that may pass is checked again sooner: after 5 minutes, then after as long as it
 * has been failing (doubling), up to the interval.
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
     */
    Instant next(Instant due, boolean transientFailure, @Nullable Instant failingSince, Instant now) {
        if (transientFailure) {
            Duration failing = failingSince == null ? Duration.ZERO : Duration.between(failingSince, now);
            Duration wait = failing.compareTo(FIRST_RETRY) < 0 ? FIRST_RETRY : failing;
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
