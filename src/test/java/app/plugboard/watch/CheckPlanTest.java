package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("When an integration is checked next")
class CheckPlanTest {

    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    final CheckPlan plan = new CheckPlan(INTERVAL);

    @Test
    @DisplayName("first checks (a new integration, or many found at a start) come at random moments within one interval")
    void firstChecksSpread() {
        // WHEN a thousand integrations get their first check at one moment
        List<Instant> firsts = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            firsts.add(plan.first(START));
        }

        // THEN each comes within the interval, and they are spread over it: every tenth of it gets some, none most
        assertThat(firsts).allSatisfy(first -> assertThat(first).isAfterOrEqualTo(START).isBefore(START.plus(INTERVAL)));
        int[] perTenth = new int[10];
        firsts.forEach(first -> perTenth[(int) (Duration.between(START, first).toMillis() * 10 / INTERVAL.toMillis())]++);
        assertThat(Arrays.stream(perTenth).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(50, 150));
        Set<Instant> distinct = new HashSet<>(firsts);
        assertThat(distinct).hasSizeGreaterThan(990);
    }

    @Test
    @DisplayName("after a check that worked (or failed for good), the next comes one interval after this one was due")
    void keepsItsPlace() {
        Instant due = START;
        Instant ranAt = START.plusSeconds(7); // a check takes a while

        assertThat(plan.next(due, false, null, START.minus(INTERVAL), ranAt)).isEqualTo(START.plus(INTERVAL));
        // an error (a refused login, a 404) is not retried sooner: nothing changes until the owner does something
        assertThat(plan.next(due, false, START.minus(INTERVAL), START.minus(INTERVAL), ranAt)).isEqualTo(START.plus(INTERVAL));
    }

    @Test
    @DisplayName("a check that ran a whole interval late (Plugboard was stopped) is spread again instead of piling up")
    void lateChecksSpreadAgain() {
        Instant due = START;
        Instant ranAt = START.plus(INTERVAL).plus(Duration.ofMinutes(10));

        Instant next = plan.next(due, false, null, null, ranAt);

        assertThat(next).isAfterOrEqualTo(ranAt).isBefore(ranAt.plus(INTERVAL));
    }

    @Test
    @DisplayName("a failure that may pass is checked again after 5 minutes, then 10, 20, and then once an interval")
    void transientFailuresBackOff() {
        // GIVEN an integration that worked until the check at START, and fails at every check from then on
        Instant now = START;
        Instant failingSince = null;
        Instant lastChecked = START.minus(INTERVAL);
        List<Duration> waits = new ArrayList<>();

        // WHEN six checks in a row fail for a reason that may pass (each takes a few seconds)
        for (int check = 0; check < 6; check++) {
            Instant next = plan.next(now, true, failingSince, lastChecked, now.plusSeconds(3));
            waits.add(Duration.between(now.plusSeconds(3), next));
            failingSince = failingSince == null ? now : failingSince;
            lastChecked = now.plusSeconds(3);
            now = next;
        }

        // THEN the waits double from 5 minutes, up to the interval
        assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                INTERVAL, INTERVAL, INTERVAL);
    }

    @Test
    @DisplayName("a server that already has its share of checks: this one comes back within seconds")
    void hostBusy() {
        assertThat(plan.hostBusy(START)).isBetween(START.plus(CheckPlan.HOST_BUSY_MIN), START.plus(CheckPlan.HOST_BUSY_MAX));
    }
}
