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

    /**
     * A fresh id whose shard is {@code shard} of {@code total}, as Discord routes a guild: {@code (id >> 22) % total}.
     * Its time stamp is at most {@code total - 1} milliseconds ahead.
     */
    long nextOnShard(int shard, int total) {
        long floor = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
        return last.updateAndGet(previous -> {
            long id = Math.max(previous + 1, floor);
            long ahead = Math.floorMod(shard - (id >>> 22) % total, total);
            return ahead == 0 ? id : ((id >>> 22) + ahead) << 22;
        });
    }

    static long epochMillis(long snowflake) {
        return (snowflake >>> 22) + DISCORD_EPOCH_MILLIS;
    }
}
