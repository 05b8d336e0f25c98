package app.plugboard.ops;

import app.plugboard.chat.InteractionObserver;
import app.plugboard.chat.InteractionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@value #INTERACTIONS}: every interaction, whatever the transport, by what it was and how it ended. */
@Component
class InteractionMetrics implements InteractionObserver {

    static final String INTERACTIONS = "plugboard.interactions";

    private final MeterRegistry registry;

    InteractionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void ended(String kind, String name, InteractionOutcome outcome) {
        Counter.builder(INTERACTIONS)
                .description("Interactions (commands, autocomplete, buttons, selects, forms) by what they were and how they ended")
                .tag("kind", kind)
                .tag("command", name)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }
}
