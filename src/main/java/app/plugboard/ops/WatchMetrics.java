package app.plugboard.ops;

import app.plugboard.watch.WatchBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * {@value #BACKLOG}: background checks that are due and not yet claimed by any Plugboard on the database (a
 * backlog that grows means the watch's workers cannot keep up); {@value #RUNNING}: checks running now. Both
 * are NaN while the database does not answer.
 */
@Component
class WatchMetrics implements MeterBinder {

    static final String BACKLOG = "plugboard.watch.backlog";
    static final String RUNNING = "plugboard.watch.running";

    private final WatchBacklog backlog;

    WatchMetrics(WatchBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BACKLOG, backlog, watch -> value(watch.due()))
                .description("Background checks that are due and not yet claimed, across every Plugboard on the database")
                .register(registry);
        Gauge.builder(RUNNING, backlog, watch -> value(watch.running()))
                .description("Background checks running now, across every Plugboard on the database")
                .register(registry);
    }

    private static double value(OptionalLong count) {
        return count.isPresent() ? count.getAsLong() : Double.NaN;
    }
}
