package app.plugboard.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * No {@code spring.datasource.url}: Plugboard runs its own PostgreSQL in the data directory
 * (started early by {@link EmbeddedDatabaseStarter}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    static boolean isWanted(Environment environment) {
        return !environment.containsProperty("spring.datasource.url");
    }

    /** Stopped by the launch, which also covers a start that fails half-way. */
    @Bean(destroyMethod = "")
    EmbeddedDatabase embeddedDatabase(@Qualifier(EmbeddedDatabaseLaunch.BEAN_NAME) EmbeddedDatabaseLaunch launch) {
        return launch.await();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPoolName("plugboard-embedded");
        return dataSource;
    }

    static final class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isWanted(context.getEnvironment());
        }
    }
}
