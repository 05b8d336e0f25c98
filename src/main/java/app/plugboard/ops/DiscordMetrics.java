package app.plugboard.ops;

import app.plugboard.discord.DiscordObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The Discord edge: {@value #ACKNOWLEDGEMENT} and {@value #ANSWER} (histograms, from an interaction's
 * arrival), and {@value #DIRECT_MESSAGES} by outcome.
 */
@Component
class DiscordMetrics implements DiscordObserver {

    static final String ACKNOWLEDGEMENT = "plugboard.discord.acknowledgement";
    static final String ANSWER = "plugboard.discord.answer";
    static final String DIRECT_MESSAGES = "plugboard.discord.direct.messages";

    private final MeterRegistry registry;

    DiscordMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void acknowledged(String response, boolean accepted, Duration took) {
        Timer.builder(ACKNOWLEDGEMENT)
                .description("From an interaction's arrival to Discord taking its first answer (Discord allows 3 s)")
                .tag("response", response)
                .tag("outcome", accepted ? "accepted" : "refused")
                .serviceLevelObjectives(Buckets.ACKNOWLEDGEMENT)
                .register(registry)
                .record(took);
    }

    @Override
    public void answered(String kind, boolean delivered, Duration took) {
        Timer.builder(ANSWER)
                .description("From an interaction's arrival to Discord taking its final answer")
                .tag("kind", kind)
                .tag("outcome", delivered ? "delivered" : "refused")
                .serviceLevelObjectives(Buckets.ANSWER)
                .register(registry)
                .record(took);
    }

    @Override
    public void directMessage(DirectMessage outcome) {
        Counter.builder(DIRECT_MESSAGES)
                .description("Direct messages to people, by outcome (refused: they accept none from the bot)")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
