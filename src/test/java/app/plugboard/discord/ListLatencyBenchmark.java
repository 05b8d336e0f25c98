package app.plugboard.discord;

import static app.plugboard.discord.fake.BareListenerBenchmarkSupport.fire;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.BareListenerBenchmarkSupport;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.BareListenerBenchmarkSupport.Result;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of {@code verify} (run it with {@code bench/discord-list.sh}). Fires N concurrent
 * {@code /integration list} at Plugboard (each user has 20 integrations) and, in the same run, N
 * slash commands at a bare JDA listener that replies a constant, each bot logged in to its own
 * fake Discord on loopback. Reports dispatch-to-first-callback percentiles side by side, and for
 * Plugboard also dispatch-to-list-shown.
 */
@DiscordTest
@DisplayName("Benchmark: /integration list against a bare JDA listener")
class ListLatencyBenchmark {

    static final int CONCURRENT = Integer.getInteger("bench.concurrent", 200);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 3);
    static final int INTEGRATIONS_PER_USER = 20;

    @Autowired
    FakeDiscord ours;
    @Autowired
    IntegrationService integrations;

    @Test
    @DisplayName("p50 and p99 from dispatch to first callback, ours and bare, same run")
    void listLatency() throws Exception {
        List<FakeUser> users = new ArrayList<>();
        for (int u = 0; u < CONCURRENT; u++) {
            FakeUser user = ours.user("bench-" + u);
            users.add(user);
            for (int i = 0; i < INTEGRATIONS_PER_USER; i++) {
                integrations.create(new UserId(user.id()), "Mailbox " + i, SampleSettings.imap("pw-" + i));
            }
        }

        try (FakeDiscord bareFake = FakeDiscord.start()) {
            JDA bare = bareFake.configure(JDABuilder.createLight(bareFake.token()))
                    .addEventListeners(BareListenerBenchmarkSupport.bareListener("ping")).build().awaitReady();
            bare.updateCommands().addCommands(Commands.slash("ping", "Replies pong")).complete();
            List<FakeUser> bareUsers = new ArrayList<>();
            for (int u = 0; u < CONCURRENT; u++) {
                bareUsers.add(bareFake.user("bare-" + u));
            }
            List<String> lines = new ArrayList<>();
            lines.add(String.format("machine: %d cores, %s; %d concurrent interactions, %d integrations per user, %d rounds after %d warm-up",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                    CONCURRENT, INTEGRATIONS_PER_USER, ROUNDS, WARMUP_ROUNDS));
            List<Duration> ourP99 = new ArrayList<>();
            List<Duration> bareP99 = new ArrayList<>();
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                Result bareResult = fire(bareUsers, user -> bareFake.slash(user, "ping", null, Map.of()));
                List<FakeInteraction> lists = new ArrayList<>();
                Result ourResult = fire(users, user -> {
                    FakeInteraction list = ours.slash(user, "integration", "list", Map.of());
                    lists.add(list);
                    return list;
                });
                Duration shown = shownP99(lists);
                if (round >= 0) {
                    ourP99.add(ourResult.p99());
                    bareP99.add(bareResult.p99());
                    long deferred = lists.stream().filter(l -> l.awaitCallback().type() == Callback.DEFERRED_REPLY).count();
                    lines.add(String.format("round %d  bare: p50 %4d ms  p99 %4d ms | ours: p50 %4d ms  p99 %4d ms  (ratio %.2f) | list shown p99 %4d ms, %d of %d deferred | accepted %d/%d",
                            round + 1, bareResult.p50().toMillis(), bareResult.p99().toMillis(), ourResult.p50().toMillis(),
                            ourResult.p99().toMillis(), ratio(ourResult.p99(), bareResult.p99()), shown.toMillis(),
                            deferred, lists.size(), ourResult.accepted(), ourResult.count()));
                }
            }
            ourP99.sort(null);
            bareP99.sort(null);
            Duration ourMedian = ourP99.get(ourP99.size() / 2);
            Duration bareMedian = bareP99.get(bareP99.size() / 2);
            lines.add(String.format("median over rounds of p99: bare %d ms, ours %d ms, ratio %.2f (targets: ours < 50 ms, ratio <= 1.30)",
                    bareMedian.toMillis(), ourMedian.toMillis(), ratio(ourMedian, bareMedian)));
            bare.shutdown();
            bare.awaitShutdown(Duration.ofSeconds(5));
            report(lines);
        }
    }

    /** Dispatch to the list being shown (the answer itself, or the edit after a deferral), for every interaction. */
    private static Duration shownP99(List<FakeInteraction> lists) {
        List<Duration> times = new ArrayList<>();
        for (FakeInteraction list : lists) {
            times.add(list.awaitCallback().type() == Callback.DEFERRED_REPLY
                    ? list.timeToFirstOriginalEdit() : list.timeToFirstCallback());
        }
        times.sort(null);
        return times.get((int) Math.ceil(0.99 * times.size()) - 1);
    }

    private static double ratio(Duration ours, Duration bare) {
        return bare.isZero() ? Double.NaN : (double) ours.toNanos() / bare.toNanos();
    }

    private static void report(List<String> lines) throws IOException {
        Path file = Path.of("target", "benchmarks", "discord-list.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        lines.forEach(System.out::println);
    }
}
