package app.plugboard.discord;

import app.plugboard.chat.Notifier;
import app.plugboard.chat.UserNames;
import app.plugboard.common.ThreadPools;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sql.DataSource;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code DISCORD_TOKEN} set, Plugboard logs in to Discord: the shards this Plugboard runs
 * ({@link ShardSelection}) through JDA's shard manager, taking turns to identify with every Plugboard on
 * the database ({@link FleetSessionController}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${plugboard.discord.token:}'.isEmpty()")
class DiscordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DiscordConfiguration.class);

    @Bean
    FleetSessionController fleetSessionController(DataSource dataSource, DiscordProperties properties) {
        return new FleetSessionController(new IdentifyTurns(dataSource), properties.gatewayUrl());
    }

    /**
     * Interactions leave JDA's gateway threads at once, into one pool for every shard (stopped after them, never by
     * a shard that restarts). When even the queue is full, the gateway thread runs the event itself rather than
     * drop it (the person would see "interaction failed").
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService discordEventPool(DiscordProperties properties) {
        return ThreadPools.bounded("discord-event-", properties.eventThreads(), 2000, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Bean(destroyMethod = "")
    ShardManager shardManager(DiscordProperties properties, InteractionRouter router, CommandRegistration registration,
            FleetSessionController sessions, ExecutorService discordEventPool) {
        ShardSelection shards = properties.shardSelection();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
                .createLight(properties.token(), EnumSet.noneOf(GatewayIntent.class))
                .addEventListeners(router, registration)
                .setEventPool(discordEventPool, false)
                .setSessionController(sessions)
                // JDA's MDC keys for shards (jda.shard next to jda.shard.id) cannot both be JSON fields: with
                // PLUGBOARD_LOG_FORMAT=json every line they are on would be lost; and it leaves them on the thread
                // that built the shard. Thread names still say the shard ("JDA [0 / 2] ...").
                .setContextEnabled(false)
                .setEnableShutdownHook(false);
        if (shards.total() != null) {
            builder.setShardsTotal(shards.total());
            if (!shards.all()) {
                builder.setShards(shards.ids());
            }
        }
        if (properties.restUrl() != null && !properties.restUrl().isBlank()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(properties.restUrl()));
        }
        if (properties.gatewayUrl() != null && !properties.gatewayUrl().isBlank()) {
            builder.setCompression(Compression.NONE);
        }
        ShardManager manager = builder.build();
        log.info("Logging in to Discord: {}{}", shards.total() == null
                        ? manager.getShardsTotal() == 1 ? "one shard" : "all " + manager.getShardsTotal() + " shards Discord recommends"
                        : shards.describe(),
                properties.guildId() == null ? "" : "; commands go to server " + properties.guildId() + " only");
        return manager;
    }

    @Bean
    DirectMessageBudget directMessageBudget(DataSource dataSource, DiscordProperties properties) {
        return new DirectMessageBudget(dataSource, properties.directMessagesPerSecond(), DirectMessageBudget.MOST_WAITED);
    }

    @Bean
    Notifier discordNotifier(ShardManager shards, ReplyHooks hooks, DirectMessageBudget budget, DiscordObserver observer) {
        return new DiscordNotifier(shards, hooks, budget, observer);
    }

    @Bean
    UserNames userNames(DiscordUserNames names) {
        return names::describe;
    }

    @Bean
    DiscordShutdown discordShutdown(ShardManager shards, FleetSessionController sessions) {
        return new DiscordShutdown(shards, sessions);
    }

    /** Closes the gateway sessions cleanly when the application stops. */
    record DiscordShutdown(ShardManager shards, FleetSessionController sessions) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            sessions.close();
            List<JDA> running = shards.getShards();
            shards.shutdown();
            for (JDA shard : running) {
                if (!shard.awaitShutdown(Duration.ofSeconds(10))) {
                    shard.shutdownNow();
                }
            }
        }
    }
}
