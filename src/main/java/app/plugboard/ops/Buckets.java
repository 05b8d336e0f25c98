package app.plugboard.ops;

import java.time.Duration;

/**
 * The histogram buckets of Plugboard's timers: fixed bounds (service level objectives) rather than
 * Micrometer's percentile histogram, so each timer has a dozen series per tag set, and the bounds
 * people ask about are exact (Discord's three seconds, the checks' thirty).
 */
final class Buckets {

    /** Acknowledging an interaction: Discord allows three seconds. */
    static final Duration[] ACKNOWLEDGEMENT = millis(25, 50, 100, 250, 500, 1_000, 2_000, 2_500, 3_000, 5_000);

    /** Answers and checks: a list takes milliseconds, a connection check up to its deadline (30 s, a calendar 60 s). */
    static final Duration[] ANSWER = millis(50, 100, 250, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 15_000, 30_000, 60_000,
            120_000);

    private Buckets() {
    }

    private static Duration[] millis(long... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofMillis(bounds[i]);
        }
        return durations;
    }
}
