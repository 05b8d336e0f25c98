package app.plugboard.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fake Discord serving several shards, to plain JDA clients that each run one shard the way two processes
 * would, each with JDA's own session controller: nothing coordinates them but what the test does.
 */
@DisplayName("FakeDiscord with several shards")
class FakeDiscordShardingTest {

    private final List<JDA> clients = new ArrayList<>();
    private FakeDiscord fake;

    @AfterEach
    void logOut() throws InterruptedException {
        for (JDA jda : clients) {
            jda.shutdown();
            if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
                jda.shutdownNow();
            }
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    @DisplayName("GET /gateway/bot recommends the shard count and names max_concurrency, as Discord does")
    void gatewayBot() throws Exception {
        // GIVEN a fake that recommends 4 shards, 2 of which may identify at once
        fake = FakeDiscord.sharded(4, 2);

        // WHEN the bot asks where to connect
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fake.restBaseUrl() + "gateway/bot")).header("Authorization", "Bot " + fake.token()).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN the answer has the gateway, the shards and the session start limit
        JsonNode body = Json.parse(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(body.path("url").asString()).isEqualTo(fake.gatewayUrl());
        assertThat(body.path("shards").asInt()).isEqualTo(4);
        assertThat(body.path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(2);
        assertThat(body.path("session_start_limit").path("remaining").asInt()).isEqualTo(1_000);
    }

    @Test
    @DisplayName("each guild's interactions go to the session of its shard only, direct messages to shard 0")
    void routedByShard() throws InterruptedException {
        // GIVEN a fake with two shards that both may identify at once, a guild on each, and a client per shard
        fake = FakeDiscord.sharded(2, 2);
        FakeGuild first = fake.guildOnShard(0);
        FakeGuild second = fake.guildOnShard(1);
        JDA shard0 = logIn(0, 2);
        JDA shard1 = logIn(1, 2);
        shard0.awaitReady();
        shard1.awaitReady();
        register(shard0);
        FakeUser ada = fake.user("ada");

        // WHEN Ada runs a command in each guild and in her direct messages with the bot
        FakeInteraction inFirst = fake.slash(ada, first, "whoami", null, Map.of());
        FakeInteraction inSecond = fake.slash(ada, second, "whoami", null, Map.of());
        FakeInteraction inDm = fake.slashInDm(ada, "whoami", null, Map.of());

        // THEN each reached only its shard's client, which answered it
        assertThat(inFirst.awaitCallback().content()).isEqualTo("shard 0 of 2");
        assertThat(inSecond.awaitCallback().content()).isEqualTo("shard 1 of 2");
        assertThat(inDm.awaitCallback().content()).isEqualTo("shard 0 of 2");
        assertThat(inFirst.deliveredToShards()).containsExactly(0);
        assertThat(inSecond.deliveredToShards()).containsExactly(1);
        assertThat(inDm.deliveredToShards()).containsExactly(0);
        // AND each client knows the guilds of its shard only
        assertThat(shard0.getGuildById(first.id())).isNotNull();
        assertThat(shard0.getGuildById(second.id())).isNull();
        assertThat(shard1.getGuildById(second.id())).isNotNull();
        // AND both identified at once, each in its own bucket, and nothing was refused
        assertThat(fake.identifies()).extracting(FakeDiscord.Identify::bucket).containsExactlyInAnyOrder(0, 1);
        assertThat(fake.rejections()).isEmpty();
    }

    @Test
    @DisplayName("a second IDENTIFY in the same bucket within 5 s is refused with op 9, recorded, and the client gets in later")
    void identifyTooSoon() throws InterruptedException {
        // GIVEN a fake with two shards and max_concurrency 1: one bucket, one IDENTIFY per 5 s
        fake = FakeDiscord.sharded(2, 1);

        // WHEN two uncoordinated clients log in at once, one per shard
        JDA shard0 = logIn(0, 2);
        JDA shard1 = logIn(1, 2);

        // THEN the later IDENTIFY was refused and recorded as Discord's limit
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.identifies().stream().anyMatch(FakeDiscord.Identify::refused));
        assertThat(fake.rejections()).extracting(Rejection::kind).containsExactly(Rejection.Kind.IDENTIFY_TOO_SOON);
        assertThat(fake.rejections().get(0).detail()).contains("bucket 0", "max_concurrency 1");
        // AND after the wait, its client identified again and both are online, at least 5 s apart
        shard0.awaitReady();
        shard1.awaitReady();
        List<FakeDiscord.Identify> accepted = fake.identifies().stream().filter(identify -> !identify.refused()).toList();
        assertThat(accepted).hasSize(2);
        assertThat(Duration.between(accepted.get(0).at(), accepted.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    private JDA logIn(int shard, int total) {
        JDA jda = fake.configure(JDABuilder.createLight(fake.token()))
                .useSharding(shard, total)
                .setContextEnabled(false) // a sharded JDA leaves its MDC (jda.shard...) on the thread that built it
                .addEventListeners(new ShardEcho())
                .build();
        clients.add(jda);
        return jda;
    }

    private static void register(JDA jda) {
        jda.updateCommands().addCommands(Commands.slash("whoami", "Tells which shard answers")
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)).complete();
    }

    /** Answers with the shard that received the interaction. */
    private static final class ShardEcho extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            JDA.ShardInfo shard = event.getJDA().getShardInfo();
            event.reply("shard " + shard.getShardId() + " of " + shard.getShardTotal()).setEphemeral(true).queue();
        }
    }
}
