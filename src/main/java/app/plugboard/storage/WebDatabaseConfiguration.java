package app.plugboard.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The web port's pool: the main pool's database and settings, with its own size and wait. */
@Configuration(proxyBeanMethods = false)
class WebDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    WebDatabase webDatabase(DataSource dataSource, WebDatabaseProperties properties) throws SQLException {
        HikariConfig config = new HikariConfig();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("plugboard-web");
        config.setMaximumPoolSize(Math.max(1, properties.poolSize()));
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setConnectionTimeout(Math.max(250, properties.maxWait().toMillis()));
        return new WebDatabase(new HikariDataSource(config));
    }
}
