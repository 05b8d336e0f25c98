package app.plugboard.chat;

import app.plugboard.common.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The slow jobs (connection checks, discovery) each person has running: at most {@link #PER_PERSON}, so
 * that one person cannot hold the pool everyone shares. A person with none running has no entry.
 */
final class SlowJobs {

    static final int PER_PERSON = 2;
    static final String TOO_MANY = "You already have " + PER_PERSON
            + " checks running; wait for one to finish, then try again.";

    private final Map<UserId, Integer> running = new ConcurrentHashMap<>();

    /** Counts one more job of {@code user}; empty when they have enough running. The returned end runs once. */
    Optional<Runnable> start(UserId user) {
        AtomicBoolean started = new AtomicBoolean();
        running.compute(user, (who, count) -> {
            int now = count == null ? 0 : count;
            if (now >= PER_PERSON) {
                return count;
            }
            started.set(true);
            return now + 1;
        });
        if (!started.get()) {
            return Optional.empty();
        }
        AtomicBoolean ended = new AtomicBoolean();
        return Optional.of(() -> {
            if (ended.compareAndSet(false, true)) {
                running.computeIfPresent(user, (who, count) -> count > 1 ? count - 1 : null);
            }
        });
    }

    int running(UserId user) {
        return running.getOrDefault(user, 0);
    }
}
