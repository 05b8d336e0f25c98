package app.plugboard.storage;

import app.plugboard.common.DataDirectoryProperties;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL as soon as the configuration is known (registered in
 * {@code META-INF/spring.factories}), so that it boots in parallel with the application context.
 */
class EmbeddedDatabaseStarter implements ApplicationListener<ApplicationContextInitializedEvent> {

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Environment environment = context.getEnvironment();
        if (!EmbeddedDatabaseConfiguration.isWanted(environment)
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
            return;
        }
        Binder binder = Binder.get(environment);
        Path dataDir = binder.bind("plugboard", DataDirectoryProperties.class)
                .orElseThrow(() -> new IllegalStateException("plugboard.data-dir is not set"))
                .dataDir();
        int port = binder.bind("plugboard.embedded-database.port", Integer.class).orElse(0);
        EmbeddedDatabaseLaunch launch = EmbeddedDatabaseLaunch.begin(dataDir, port);
        beans.registerSingleton(EmbeddedDatabaseLaunch.BEAN_NAME, launch);
        beans.registerDisposableBean(EmbeddedDatabaseLaunch.BEAN_NAME, launch);
    }
}
