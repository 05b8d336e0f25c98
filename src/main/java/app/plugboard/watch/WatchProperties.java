package app.plugboard.watch;

import app.plugboard.common.StartupProblem;
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
        notNegative("PLUGBOARD_WATCH_INTERVAL", interval, " (0 turns the watch off)");
        notNegative("PLUGBOARD_WATCH_FAILING_GRACE", failingGrace, "");
        positive("PLUGBOARD_WATCH_WORKERS", workers);
        positive("PLUGBOARD_WATCH_PER_HOST", perHost);
        positive("PLUGBOARD_WATCH_POLL_INTERVAL", pollInterval);
        positive("PLUGBOARD_WATCH_HEARTBEAT", heartbeat);
    }

    /** Whether integrations are checked in the background at all. */
    public boolean on() {
        return !interval.isZero();
    }

    private static void notNegative(String setting, Duration value, String zero) {
        if (value.isNegative()) {
            throw new StartupProblem(setting + " is " + value + ", a negative time.",
                    "Set " + setting + " to a time such as 30m or 2h" + zero + ", or remove it for the default.");
        }
    }

    private static void positive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new StartupProblem(setting + " is " + value + "; it must be longer than zero.",
                    "Set " + setting + " to a time such as 10s, or remove it for the default.");
        }
    }

    private static void positive(String setting, int value) {
        if (value < 1) {
            throw new StartupProblem(setting + " is " + value + "; it must be at least 1.",
                    "Set " + setting + " to a whole number of 1 or more, or remove it for the default.");
        }
    }
}
