package app.plugboard.watch;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.integration.Alert;
import app.plugboard.integration.CheckTarget;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("At most so many background checks to one server at once")
class HostLimitsTest {

    final HostLimits limits = new HostLimits(2);

    @Test
    @DisplayName("a check whose server has its share waits for a permit given back, and takes it at once")
    void waitsForAPermit() throws Exception {
        // GIVEN two checks at feeds.example.com, its share
        List<HostLimits.Permit> held = new ArrayList<>();
        held.add(limits.acquire(feed("feeds.example.com"), Duration.ZERO).orElseThrow());
        held.add(limits.acquire(feed("FEEDS.example.com"), Duration.ZERO).orElseThrow());

        // WHEN a third asks, willing to wait
        CompletableFuture<Optional<HostLimits.Permit>> third = CompletableFuture.supplyAsync(() ->
                limits.acquire(feed("feeds.example.com"), Duration.ofSeconds(10)));

        // THEN it waits while the share is taken, and gets a permit as soon as one is given back
        Thread.sleep(200);
        assertThat(third).isNotDone();
        long givenBack = System.nanoTime();
        held.get(0).close();
        assertThat(third.get(5, TimeUnit.SECONDS)).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - givenBack)).isLessThan(Duration.ofSeconds(2));
        assertThat(limits.inUse("feeds.example.com")).isEqualTo(2);
    }

    @Test
    @DisplayName("a check waits no longer than it said, then goes without a permit (to be put off); another server's check never waits")
    void givesUp() {
        // GIVEN the share of feeds.example.com taken
        limits.acquire(feed("feeds.example.com"), Duration.ZERO).orElseThrow();
        limits.acquire(feed("feeds.example.com"), Duration.ZERO).orElseThrow();

        // WHEN a third asks for 300 ms THEN none came
        long started = System.nanoTime();
        assertThat(limits.acquire(feed("feeds.example.com"), Duration.ofMillis(300))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
        assertThat(limits.acquire(feed("feeds.example.com"), Duration.ZERO)).isEmpty();

        // AND a check of another server takes its permit at once
        assertThat(limits.acquire(feed("other.example.com"), Duration.ofSeconds(10))).isPresent();
        assertThat(limits.inUse("feeds.example.com")).isEqualTo(2);
    }

    static CheckTarget feed(String host) {
        return new CheckTarget(new UserId(1), IntegrationId.random(), "Family", CalendarType.TYPE, IntegrationStatus.CONNECTED,
                null, null, Alert.values()[0], false, true,
                new CalendarFeedSettings(Secret.of("https://" + host + "/family.ics"), null, null));
    }
}
