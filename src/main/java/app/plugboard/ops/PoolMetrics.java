package app.plugboard.ops;

import app.plugboard.storage.WebDatabase;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.stereotype.Component;

/**
 * What Spring Boot does not bind by itself: Hikari's own metrics ({@code hikaricp.connections...}, tag
 * {@code pool}) for the web port's pool, which is not a {@code DataSource} bean (the main pool, {@code plugboard},
 * Boot binds); and the queues of Plugboard's bounded pools ({@code executor.queued}, {@code executor.active} ...,
 * tag {@code name}: the slow work of the chat, {@code chatSlowWork}, and its quick reads).
 */
@Component
class PoolMetrics implements MeterBinder {

    private final WebDatabase web;
    private final Map<String, ExecutorService> executors;

    PoolMetrics(WebDatabase web, Map<String, ExecutorService> executors) {
        this.web = web;
        this.executors = executors;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        HikariDataSource pool;
        try {
            pool = web.dataSource().unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the web port's pool is not a Hikari pool", e);
        }
        if (pool.getMetricsTrackerFactory() == null && pool.getMetricRegistry() == null) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        executors.forEach((name, executor) -> {
            if (executor instanceof ThreadPoolExecutor threads) {
                new ExecutorServiceMetrics(threads, name, List.of()).bindTo(registry);
            }
        });
    }
}
