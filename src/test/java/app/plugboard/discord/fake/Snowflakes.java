package app.plugboard.discord.fake;

import java.util.concurrent.atomic.AtomicLong;

/** Discord ids of <em>now</em>: milliseconds since 2015 in the high bits, a counter in the low 22. */
final class Snowflakes {

    static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    private final AtomicLong last = new AtomicLong();

    /** A fresh id, unique within this fake and time-stamped with the current millisecond. */
    long next() {
        long floor = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        return last.updateAndGet(previous -> Math.max(previous + 1, floor));
    }

    static long epochMillis(long snowflake) {
        return (snowflake >>> 22) + DISCORD_EPOCH_MILLIS;
    }
}
