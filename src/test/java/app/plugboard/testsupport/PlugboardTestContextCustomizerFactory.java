package app.plugboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the test JVM's one database, a fixed test key and a
 * temporary data directory, with the watch's background checks off unless a test turns them on
 * (registered in {@code META-INF/spring.factories}).
 */
class PlugboardTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabase database = TestDatabase.get();
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("plugboard-test-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("plugboardTest", Map.of(
                    "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.username(),
                    "spring.datasource.password", database.password(),
                    "plugboard.encryption.key", TestKeys.CURRENT,
                    "plugboard.data-dir", dataDir.toString(),
                    "plugboard.console.enabled", "false")));
            // Spring keeps earlier test contexts running, all on this one database: only tests of the watch
            // (which set plugboard.watch.interval) run background checks, so no context checks another's integrations
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("plugboardTestDefaults", Map.of(
                    "PLUGBOARD_WATCH_INTERVAL", "0")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
