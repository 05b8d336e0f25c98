package app.plugboard.discord;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of {@code verify} (run it with {@code bench/capacity.sh}). How many interactions a second one Plugboard
 * sustains with its default pools: {@code /integration list} (a database read and a rendered card, each person
 * with three integrations) offered at rising rates through the real JDA client and a fake Discord in the same
 * JVM (which takes its share of the CPU), {@code bench.step} seconds each. A rate is sustained when every
 * interaction is acknowledged within Discord's 3 seconds and its list is shown within 3 seconds.
 */
@Tag("benchmark")
@DiscordTest
@DisplayName("Benchmark: interactions a second, one Plugboard, default pools")
class InteractionCapacityBenchmark {

    static final int STEP_SECONDS = Integer.getInteger("bench.step", 10);
    static final int[] RATES = java.util.Arrays.stream(System.getProperty("bench.rates", "10,20,40,80,160").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final int PEOPLE = 300;

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;

    @Test
    @DisplayName("interactions a second offered, acknowledged in time and shown in time")
    void capacity() throws Exception {
        List<FakeUser> people = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            FakeUser person = discord.user("person-" + p);
            people.add(person);
            for (int i = 0; i < 3; i++) {
                integrations.create(new UserId(person.id()), "Mailbox " + i, SampleSettings.imap("pw-" + i));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "machine: %d cores, %s; load average %.1f at start; %d s per rate",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                loadAverage(), STEP_SECONDS));
        offer(people, 20, 5); // warm-up
        for (int rate : RATES) {
            lines.add(offer(people, rate, STEP_SECONDS));
        }
        Path file = Path.of("target", "benchmarks", "interaction-capacity.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        lines.forEach(System.out::println);
    }

    private String offer(List<FakeUser> people, int perSecond, int seconds) throws InterruptedException {
        double loadBefore = loadAverage();
        List<FakeInteraction> fired = new ArrayList<>();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / perSecond;
        int total = perSecond * seconds;
        for (int i = 0; i < total; i++) {
            long at = start + i * periodNanos;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            fired.add(discord.slash(people.get(i % people.size()), "integration", "list", Map.of()));
        }
        double offered = total / ((System.nanoTime() - start) / 1e9);
        List<Duration> acknowledged = new ArrayList<>();
        List<Duration> shown = new ArrayList<>();
        int late = 0;
        for (FakeInteraction interaction : fired) {
            Callback first = interaction.awaitCallback(Duration.ofSeconds(30));
            Duration ack = interaction.timeToFirstCallback();
            acknowledged.add(ack);
            if (!first.accepted() || ack.compareTo(FakeDiscord.ACKNOWLEDGE_DEADLINE) > 0) {
                late++;
            }
            shown.add(first.type() == Callback.DEFERRED_REPLY ? interaction.timeToFirstOriginalEdit() : ack);
        }
        Collections.sort(acknowledged);
        Collections.sort(shown);
        boolean sustained = late == 0 && p(shown, 0.99).compareTo(Duration.ofSeconds(3)) <= 0;
        return String.format(Locale.ROOT, "offered %5.1f/s for %d s: acknowledged p50 %4d ms p99 %5d ms, %d late; "
                        + "shown p50 %4d ms p99 %5d ms -> %s (load average %.1f before, %.1f after)", offered, seconds, p(acknowledged, 0.5).toMillis(),
                p(acknowledged, 0.99).toMillis(), late, p(shown, 0.5).toMillis(), p(shown, 0.99).toMillis(),
                sustained ? "sustained" : "NOT sustained", loadBefore, loadAverage());
    }

    /** The machine's load average over the last minute: other work on the machine competes for its cores. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Duration p(List<Duration> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1);
    }
}
