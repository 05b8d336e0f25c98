package app.plugboard.soak;

import java.time.Duration;
import java.util.Random;

/**
 * How a soak runs: how many people, for how long, how long they pause between conversations (think),
 * while filling a form (typing) and before clicking (reading), and how long they wait for a final answer.
 *
 * @param warmUp the window in which everyone connects a first mailbox, each at a random moment of it
 * @param tour   whether each person first goes through every kind of conversation once (so even a short
 *               run has done each), then goes on at random
 * @param quiet  how long the process is left alone before the start and the end are measured: work in flight
 *               ends, and pools that keep idle threads for a minute (JDA's rate limiter) let them go
 * @param settleAtEnd how much longer the end may wait, measured again every 15 s, while more threads are alive
 *               than at the start (the watch's direct messages during the quiet keep JDA's rate limiter busy)
 */
record SoakSettings(int people, Duration length, Duration warmUp, Range think, Range typing, Range reading,
        Duration answerWait, boolean tour, long seed, Duration progressEvery, Duration quiet, Duration settleAtEnd) {

    /** A pause drawn evenly between two lengths. */
    record Range(Duration min, Duration max) {
        Duration pick(Random random) {
            long span = max.toMillis() - min.toMillis();
            return min.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f–%.1f s", min.toMillis() / 1000.0, max.toMillis() / 1000.0);
        }
    }

    /**
     * What {@code bench/soak.sh} passes: {@code soak.users} (500), {@code soak.minutes} (10), and optionally
     * {@code soak.warmup} seconds (60), {@code soak.think} "min-max" seconds (5-25), {@code soak.seed}.
     */
    static SoakSettings fromSystemProperties() {
        int people = Integer.getInteger("soak.users", 500);
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        String[] think = System.getProperty("soak.think", "5-25").split("-");
        return new SoakSettings(people, Duration.ofMillis((long) (minutes * 60_000)),
                Duration.ofSeconds(Integer.getInteger("soak.warmup", 60)),
                new Range(seconds(think[0]), seconds(think[1])),
                new Range(Duration.ofSeconds(2), Duration.ofSeconds(6)),
                new Range(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                Duration.ofSeconds(60), true, Long.getLong("soak.seed", 14L), Duration.ofMinutes(1),
                Duration.ofSeconds(Integer.getInteger("soak.quiet", 65)), Duration.ofSeconds(180));
    }

    /** The fast version in {@code verify}: 20 people, brisk, for ten seconds or their tour, whichever is longer. */
    static SoakSettings quick() {
        return new SoakSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(2),
                new Range(Duration.ofMillis(100), Duration.ofMillis(400)),
                new Range(Duration.ofMillis(50), Duration.ofMillis(200)),
                new Range(Duration.ofMillis(50), Duration.ofMillis(150)),
                Duration.ofSeconds(30), true, 14L, Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ZERO);
    }

    /** Sleeps for a pause drawn from the range; an interrupt ends it early and stays set. */
    void pause(Random random, Range range) {
        try {
            Thread.sleep(range.pick(random).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration seconds(String text) {
        return Duration.ofMillis((long) (Double.parseDouble(text.trim()) * 1000));
    }
}
