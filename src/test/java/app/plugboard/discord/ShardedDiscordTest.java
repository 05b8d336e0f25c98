package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeGuild;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.testsupport.DiscordTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One Plugboard running both shards of a bot ({@code PLUGBOARD_DISCORD_SHARDS=2}) that may identify one shard
 * at a time ({@code max_concurrency} 1), against a fake Discord with a guild on each shard.
 */
@DiscordTest(properties = "plugboard.discord.shards=2")
@DisplayName("One Plugboard running two shards")
class ShardedDiscordTest {

    @Autowired
    FakeDiscord discord;
    @Autowired
    ShardManager shards;

    FakeUser alice;

    @Test
    @DisplayName("logs in both shards, 5 s apart as max_concurrency 1 asks, and registers the commands once")
    void bothShards() {
        // THEN both shards are connected, each identified once, within Discord's limit
        assertThat(shards.getShardsTotal()).isEqualTo(2);
        assertThat(shards.getShards()).extracting(jda -> jda.getShardInfo().getShardId()).containsExactlyInAnyOrder(0, 1);
        List<FakeDiscord.Identify> identifies = discord.identifies();
        assertThat(identifies).extracting(FakeDiscord.Identify::shard).containsExactly(0, 1);
        assertThat(Duration.between(identifies.get(0).at(), identifies.get(1).at()))
                .isGreaterThanOrEqualTo(FleetSessionController.SPACING);
        assertThat(discord.rejections()).isEmpty();
        // AND the global commands were registered once, not once per shard
        assertThat(discord.requests()).filteredOn(request -> request.method().equals("PUT")
                && request.path().endsWith("/commands")).hasSize(1);
    }

    @Test
    @DisplayName("answers once in a server of each shard, and in direct messages (shard 0)")
    void answersOnEveryShard() {
        FakeGuild onShard0 = guildOnShard(0);
        FakeGuild onShard1 = guildOnShard(1);

        // WHEN Alice asks for help in a server of each shard and in a direct message
        FakeInteraction first = discord.slash(alice, onShard0, "integration", "help", Map.of());
        FakeInteraction second = discord.slash(alice, onShard1, "integration", "help", Map.of());
        FakeInteraction direct = discord.slashInDm(alice, "integration", "help", Map.of());

        // THEN each went to its shard and was answered, once
        for (FakeInteraction help : List.of(first, second, direct)) {
            assertThat(help.awaitCallback().content()).contains("connects the services your assistant uses");
            assertThat(help.callbacks()).hasSize(1);
        }
        assertThat(first.deliveredToShards()).containsExactly(0);
        assertThat(second.deliveredToShards()).containsExactly(1);
        assertThat(direct.deliveredToShards()).containsExactly(0);
    }

    private FakeGuild guildOnShard(int shard) {
        return discord.guilds().stream().skip(1).filter(guild -> guild.shard(2) == shard).findFirst().orElseThrow();
    }
}
