package app.plugboard.testsupport;

import app.plugboard.discord.fake.FakeDiscord;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * For a {@link DiscordTest}: each Spring context gets a fake Discord of its own, and its JDA is pointed
 * at it (the only three settings that change). One fake per context, not per JVM: Spring keeps earlier
 * contexts, each with a logged-in JDA, and one gateway would send every interaction to all of them (as
 * Discord does to two processes with one token). The customizer is the same for every class, so it never
 * keeps two classes from sharing a context (registered in {@code META-INF/spring.factories}). A context whose
 * properties set {@code plugboard.discord.shards} gets a fake with that many shards
 * ({@link FakeDiscord#sharded}), whose {@code max_concurrency} is {@code test.fake-discord.max-concurrency} (1),
 * with a guild on each shard ({@link FakeDiscord#guilds()}, after the first).
 */
class FakeDiscordContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, DiscordTest.class) ? new LoggedInToFakeDiscord() : null;
    }

    private static final class LoggedInToFakeDiscord implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var environment = context.getEnvironment();
            Integer shards = environment.getProperty("plugboard.discord.shards", Integer.class);
            FakeDiscord discord = shards == null ? FakeDiscord.start()
                    : FakeDiscord.sharded(shards, environment.getProperty("test.fake-discord.max-concurrency", Integer.class, 1));
            for (int shard = 0; shards != null && shard < shards; shard++) {
                discord.guildOnShard(shard);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fakeDiscord", Map.of(
                    "plugboard.discord.token", discord.token(),
                    "plugboard.discord.rest-url", discord.restBaseUrl(),
                    "plugboard.discord.gateway-url", discord.gatewayUrl())));
            DefaultSingletonBeanRegistry beans = (DefaultSingletonBeanRegistry) context.getBeanFactory();
            beans.registerSingleton("fakeDiscord", discord);
            // registered before any other bean, so destroyed after all of them: JDA logs out first
            beans.registerDisposableBean("fakeDiscord", discord::close);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LoggedInToFakeDiscord;
        }

        @Override
        public int hashCode() {
            return LoggedInToFakeDiscord.class.hashCode();
        }
    }
}
