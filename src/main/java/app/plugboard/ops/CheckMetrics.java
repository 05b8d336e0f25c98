package app.plugboard.ops;

import app.plugboard.integration.CheckObserver;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.SettingsKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@value #CHECKS}: every connection check, by type, what started it and what it found, with its duration. */
@Component
class CheckMetrics implements CheckObserver {

    static final String CHECKS = "plugboard.connection.checks";

    private final MeterRegistry registry;

    CheckMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void checked(SettingsKind kind, Trigger trigger, IntegrationStatus outcome, Duration took) {
        Timer.builder(CHECKS)
                .description("Connection checks by integration type and kind, what started them, and what they found")
                .tag("type", kind.type().key())
                .tag("kind", tag(kind.id()))
                .tag("trigger", tag(trigger.name()))
                .tag("outcome", outcome == IntegrationStatus.PENDING ? "not-checked" : tag(outcome.name()))
                .serviceLevelObjectives(Buckets.ANSWER)
                .register(registry)
                .record(took);
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
