package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("When another Plugboard takes a silent claim over")
class WatchSchedulerTest {

    @ParameterizedTest(name = "heartbeat {0}: after {1} missed heartbeats")
    @CsvSource({"PT0.2S, 600", "PT1S, 120", "PT7S, 18", "PT30S, 4", "PT1M, 4", "PT10M, 4"})
    @DisplayName("after four missed heartbeats and two minutes at least: a claimed check waiting for a worker (it has no "
            + "heartbeat until it runs, at most as long as one check) is never taken for a dead Plugboard's")
    void missedHeartbeats(Duration heartbeat, int missed) {
        assertThat(WatchScheduler.missedHeartbeats(heartbeat)).isEqualTo(missed);
        assertThat(heartbeat.multipliedBy(WatchScheduler.missedHeartbeats(heartbeat)))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(2)).isGreaterThanOrEqualTo(heartbeat.multipliedBy(4));
    }
}
