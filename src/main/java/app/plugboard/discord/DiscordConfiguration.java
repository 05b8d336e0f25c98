package app.plugboard.discord;

import app.plugboard.chat.Notifier;
import app.plugboard.chat.UserNames;
import app.plugboard.common.ThreadPools;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code DISCORD_TOKEN} set, Plugboard logs in to Discord. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${plugboard.discord.token:}'.isEmpty()")
class DiscordConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DiscordConfiguration.class);

    @Bean(destroyMethod = "")
    JDA jda(DiscordProperties properties, InteractionRouter router, CommandRegistration registration) {
        JDABuilder builder = JDABuilder.createLight(properties.token(), EnumSet.noneOf(GatewayIntent.class))
                .addEventListeners(router, registration)
                .setEventPool(eventPool(properties.eventThreads()), true)
                .setEnableShutdownHook(false);
        if (properties.restUrl() != null && !properties.restUrl().isBlank()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(properties.restUrl()));
        }
        if (properties.gatewayUrl() != null && !properties.gatewayUrl().isBlank()) {
            String gateway = properties.gatewayUrl();
            builder.setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            }).setCompression(Compression.NONE);
        }
        JDA jda = builder.build();
        log.info("Logging in to Discord{}.", properties.guildId() == null ? ""
                : "; commands go to server " + properties.guildId() + " only");
        return jda;
    }

    @Bean
    Notifier discordNotifier(JDA jda, PendingReplies pending, DiscordObserver observer) {
        return new DiscordNotifier(jda, pending, observer);
    }

    @Bean
    UserNames userNames(DiscordUserNames names) {
        return names::describe;
    }

    @Bean
    DiscordShutdown discordShutdown(JDA jda) {
        return new DiscordShutdown(jda);
    }

    /** Closes the gateway cleanly when the application stops. */
    record DiscordShutdown(JDA jda) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                jda.shutdownNow();
            }
        }
    }

    /**
     * Interactions leave JDA's gateway thread at once. When even the queue is full, the gateway
     * thread runs the event itself rather than drop it (the person would see "interaction failed").
     */
    private static ExecutorService eventPool(int threads) {
        return ThreadPools.bounded("discord-event-", threads, 2000, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
