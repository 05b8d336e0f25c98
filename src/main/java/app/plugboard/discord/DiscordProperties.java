package app.plugboard.discord;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token the bot token; without one, Plugboard talks in the terminal instead
 * @param guildId register the commands in this one server only (they update at once), else globally
 * @param eventThreads threads that take interactions off JDA's gateway thread
 * @param answerWithin slow work that is done this soon is the answer itself; later, it is deferred first
 * @param shards the bot's shard count across every Plugboard; unset: what Discord recommends, all run here
 * @param shardIds the shards this Plugboard runs ({@code 0-3}, {@code 0,2}); unset: all of them
 * @param directMessagesPerSecond the direct messages all Plugboards of the bot send a second at most, together
 * @param restUrl Discord's REST base URL; only tests change it (a fake Discord on loopback)
 * @param gatewayUrl Discord's gateway URL; only tests change it (then without compression)
 */
@ConfigurationProperties("plugboard.discord")
record DiscordProperties(@Nullable String token, @Nullable Long guildId, int eventThreads, Duration answerWithin,
        @Nullable String shards, @Nullable String shardIds, int directMessagesPerSecond, @Nullable String restUrl,
        @Nullable String gatewayUrl) {

    ShardSelection shardSelection() {
        return ShardSelection.of(shards, shardIds);
    }

    @Override
    public String toString() {
        return "DiscordProperties[token=***, guildId=" + guildId + ", shards=" + shards + ", shardIds=" + shardIds
                + ", restUrl=" + restUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
