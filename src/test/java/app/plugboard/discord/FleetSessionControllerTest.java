package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeGuild;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.testsupport.ShardsReady;
import app.plugboard.testsupport.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several Plugboards' shard managers starting against one (fake) Discord, each with the session controller Plugboard
 * uses and a connection of its own to the one database: what keeps a fleet restart within Discord's IDENTIFY limit.
 * (Without it, JDA's own controllers identify at once and the second is refused: {@code FakeDiscordShardingTest}.)
 */
@DisplayName("Shard managers of several Plugboards taking turns to identify")
class FleetSessionControllerTest {

    private final List<ShardManager> plugboards = new ArrayList<>();
    private final List<FleetSessionController> controllers = new ArrayList<>();
    private FakeDiscord fake;

    @AfterEach
    void stop() {
        controllers.forEach(FleetSessionController::close);
        plugboards.forEach(ShardManager::shutdown);
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    @DisplayName("two Plugboards started at once, one shard each in one bucket: identified 5 s apart, none refused, each serving its shard")
    void oneBucket() throws Exception {
        // GIVEN a bot with two shards and max_concurrency 1, a guild on each shard
        fake = FakeDiscord.sharded(2, 1);
        FakeGuild onShard0 = fake.guildOnShard(0);
        FakeGuild onShard1 = fake.guildOnShard(1);

        // WHEN Plugboard A (shard 0) and Plugboard B (shard 1) start at the same moment
        CompletableFuture<ShardManager> a = CompletableFuture.supplyAsync(() -> start("A", 0));
        CompletableFuture<ShardManager> b = CompletableFuture.supplyAsync(() -> start("B", 1));
        ShardsReady.await(a.get());
        ShardsReady.await(b.get());

        // THEN Discord refused no IDENTIFY: the second came 5 s after the first, from the other Plugboard
        assertThat(fake.rejections()).isEmpty();
        List<FakeDiscord.Identify> identifies = fake.identifies();
        assertThat(identifies).extracting(FakeDiscord.Identify::shard).containsExactlyInAnyOrder(0, 1);
        assertThat(Duration.between(identifies.get(0).at(), identifies.get(1).at()))
                .isGreaterThanOrEqualTo(FleetSessionController.SPACING);
        // AND each guild's interactions are answered by the Plugboard running its shard
        register(a.get());
        FakeUser ada = fake.user("ada");
        FakeInteraction first = fake.slash(ada, onShard0, "whoami", null, Map.of());
        FakeInteraction second = fake.slash(ada, onShard1, "whoami", null, Map.of());
        assertThat(first.awaitCallback().content()).isEqualTo("Plugboard A, shard 0");
        assertThat(second.awaitCallback().content()).isEqualTo("Plugboard B, shard 1");
    }

    @Test
    @DisplayName("with max_concurrency 2 the two shards are in different buckets and identify together, none refused")
    void twoBuckets() throws Exception {
        // GIVEN a bot with two shards that may identify at once
        fake = FakeDiscord.sharded(2, 2);

        // WHEN both Plugboards start at once
        CompletableFuture<ShardManager> a = CompletableFuture.supplyAsync(() -> start("A", 0));
        CompletableFuture<ShardManager> b = CompletableFuture.supplyAsync(() -> start("B", 1));
        ShardsReady.await(a.get());
        ShardsReady.await(b.get());

        // THEN neither waited for the other's turn
        List<FakeDiscord.Identify> identifies = fake.identifies();
        assertThat(identifies).extracting(FakeDiscord.Identify::bucket).containsExactlyInAnyOrder(0, 1);
        assertThat(Duration.between(identifies.get(0).at(), identifies.get(1).at())).isLessThan(FleetSessionController.SPACING);
        assertThat(fake.rejections()).isEmpty();
    }

    private ShardManager start(String name, int... shards) {
        TestDatabase database = TestDatabase.get();
        FleetSessionController controller = new FleetSessionController(new IdentifyTurns(
                new DriverManagerDataSource(database.url(), database.username(), database.password())), fake.gatewayUrl());
        controllers.add(controller);
        ShardManager manager = DefaultShardManagerBuilder.createLight(fake.token())
                .setContextEnabled(false) // JDA would leave its shard MDC on the building thread (see DiscordConfiguration)
                .setShardsTotal(fake.recommendedShards())
                .setShards(shards)
                .setSessionController(controller)
                .setRestConfig(new RestConfig().setBaseUrl(fake.restBaseUrl()))
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(new Echo(name))
                .build();
        synchronized (plugboards) {
            plugboards.add(manager);
        }
        return manager;
    }

    private static void register(ShardManager manager) {
        DiscordShards.any(manager).updateCommands().addCommands(Commands.slash("whoami", "Tells who answers")
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)).complete();
    }

    /** Answers with the Plugboard and shard that received the interaction. */
    private record Echo(String plugboard) implements net.dv8tion.jda.api.hooks.EventListener {
        @Override
        public void onEvent(net.dv8tion.jda.api.events.GenericEvent event) {
            if (event instanceof SlashCommandInteractionEvent command) {
                JDA shard = command.getJDA();
                command.reply("Plugboard " + plugboard + ", shard " + shard.getShardInfo().getShardId()).setEphemeral(true).queue();
            }
        }
    }
}
