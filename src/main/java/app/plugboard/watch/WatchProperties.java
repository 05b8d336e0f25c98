package app.plugboard.watch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param interval     how often each integration is checked; zero turns the background checks off
 * @param failingGrace how long an integration may fail for reasons that may pass (timeouts, 5xx) before it is an
 *                     error and its owner is told
 * @param workers      threads that run background checks, apart from the chat's
 * @param perHost      checks to one server at once, at most (per Plugboard process)
 * @param pollInterval how often each Plugboard looks for checks that are due
 * @param heartbeat    how often a running check says it is alive; one silent for four heartbeats and two minutes at
 *                     least (its Plugboard stopped) is taken over by another
 */
@ConfigurationProperties("plugboard.watch")
public record WatchProperties(Duration interval, Duration failingGrace, int workers, int perHost, Duration pollInterval,
        Duration heartbeat) {

    public WatchProperties {
        if (interval.isNegative() || failingGrace.isNegative() || workers < 1 || perHost < 1
                || pollInterval.isZero() || pollInterval.isNegative() || heartbeat.isZero() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("plugboard.watch: the interval and grace may not be negative, workers, "
                    + "per-host, poll interval and heartbeat must be positive");
        }
    }

    /** Whether integrations are checked in the background at all. */
    public boolean on() {
        return !interval.isZero();
    }
}
