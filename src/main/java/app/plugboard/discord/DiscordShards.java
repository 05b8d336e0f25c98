package app.plugboard.discord;

import java.util.Comparator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/** What the shards of this Plugboard have in common. */
final class DiscordShards {

    private DiscordShards() {
    }

    /**
     * A shard for REST calls that belong to no shard (a direct message, an interaction's webhook): the lowest this
     * Plugboard runs. The shard manager builds its first shard while it is built, so there is one.
     */
    static JDA any(ShardManager shards) {
        return shards.getShardCache().stream().min(Comparator.comparingInt(jda -> jda.getShardInfo().getShardId()))
                .orElseThrow(() -> new IllegalStateException("this Plugboard runs no shard"));
    }
}
