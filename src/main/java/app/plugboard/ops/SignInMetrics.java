package app.plugboard.ops;

import app.plugboard.integration.signin.SignInObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@value #SIGN_INS}: browser sign-ins (Gmail's), by the provider of the step that ended them and how. */
@Component
class SignInMetrics implements SignInObserver {

    static final String SIGN_INS = "plugboard.sign.ins";

    private final MeterRegistry registry;

    SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void ended(String provider, Outcome outcome) {
        Counter.builder(SIGN_INS)
                .description("OAuth sign-ins in the browser by provider and outcome")
                .tag("provider", provider)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
