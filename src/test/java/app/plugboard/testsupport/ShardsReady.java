package app.plugboard.testsupport;

import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/** Waits until every shard of a Plugboard is logged in (the shard manager builds them one by one). */
public final class ShardsReady {

    private ShardsReady() {
    }

    public static void await(ShardManager shards) throws InterruptedException {
        await(shards, Duration.ofSeconds(60));
    }

    public static void await(ShardManager shards, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (shards.getShardsQueued() > 0 || shards.getShards().stream().anyMatch(jda -> jda.getStatus() != JDA.Status.CONNECTED)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("shards not ready within " + atMost + ": " + shards.getStatuses());
            }
            Thread.sleep(20);
        }
    }
}
