package app.plugboard.discord.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Fires a burst of interactions at a bot and measures how soon each was acknowledged, as seen by Discord:
 * from the fake sending INTERACTION_CREATE to the callback arriving. Use it to compare the bot with a bare
 * JDA listener at the same load.
 *
 * <pre>{@code
 * // bare baseline: a JDA with only bareListener("ping") and Commands.slash("ping", "...") registered
 * Result bare = BareListenerBenchmarkSupport.fire(fake, 200, user -> fake.slash(user, "ping", null, Map.of()));
 * // our bot: the Spring context's JDA logged into another FakeDiscord, same call for one of its commands
 * Result ours = BareListenerBenchmarkSupport.fire(fake, 200, user -> fake.slash(user, "integration", "list", Map.of()));
 * assertThat(ours.p99()).isLessThan(bare.p99().multipliedBy(3));
 * }</pre>
 *
 * Everything runs on loopback and stops by itself: {@code count} interactions, then at most
 * {@link #COLLECT_TIMEOUT} of waiting for the answers.
 */
public final class BareListenerBenchmarkSupport {

    /** How long {@link #fire} waits, in total, for the callbacks of one burst. */
    public static final Duration COLLECT_TIMEOUT = Duration.ofSeconds(30);

    private BareListenerBenchmarkSupport() {
    }

    /**
     * Timings of one burst.
     *
     * @param count     interactions fired
     * @param accepted  first callbacks the fake accepted
     * @param refused   first callbacks refused (too late: 10062, or otherwise invalid)
     * @param missing   interactions with no callback within the collect timeout
     * @param p50       median time to first callback
     * @param p90       90th percentile
     * @param p99       99th percentile
     * @param max       slowest
     * @param firing    how long dispatching the burst took
     */
    public record Result(int count, int accepted, int refused, int missing, Duration p50, Duration p90, Duration p99,
                         Duration max, Duration firing) {

        @Override
        public String toString() {
            return "count=" + count + " accepted=" + accepted + " refused=" + refused + " missing=" + missing
                    + " p50=" + p50.toMillis() + "ms p90=" + p90.toMillis() + "ms p99=" + p99.toMillis()
                    + "ms max=" + max.toMillis() + "ms firing=" + firing.toMillis() + "ms";
        }
    }

    /** The baseline: replies "pong" to {@code command} right away, nothing else. */
    public static ListenerAdapter bareListener(String command) {
        return new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                if (event.getName().equals(command)) {
                    event.reply("pong").queue();
                }
            }
        };
    }

    /**
     * Fires {@code count} interactions back to back, each from a fresh user, then collects the first callback
     * of each. {@code interaction} creates one interaction for the given user (e.g. {@code fake::slash}).
     */
    public static Result fire(FakeDiscord fake, int count, Function<FakeUser, FakeInteraction> interaction) {
        List<FakeUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(fake.user("bench-" + i));
        }
        return fire(users, interaction);
    }

    /** Like {@link #fire(FakeDiscord, int, Function)}, one interaction for each of the given users. */
    public static Result fire(List<FakeUser> users, Function<FakeUser, FakeInteraction> interaction) {
        int count = users.size();
        List<FakeInteraction> fired = new ArrayList<>(count);
        long start = System.nanoTime();
        for (FakeUser user : users) {
            fired.add(interaction.apply(user));
        }
        Duration firing = Duration.ofNanos(System.nanoTime() - start);

        long deadline = System.nanoTime() + COLLECT_TIMEOUT.toNanos();
        List<Duration> times = new ArrayList<>(count);
        int accepted = 0;
        int refused = 0;
        int missing = 0;
        for (FakeInteraction one : fired) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            try {
                Callback first = one.awaitCallback(left);
                times.add(one.timeToFirstCallback());
                if (first.accepted()) {
                    accepted++;
                } else {
                    refused++;
                }
            } catch (AssertionError noCallback) {
                missing++;
            }
        }
        times.sort(null);
        return new Result(count, accepted, refused, missing, percentile(times, 0.50), percentile(times, 0.90),
                percentile(times, 0.99), times.isEmpty() ? Duration.ZERO : times.get(times.size() - 1), firing);
    }

    /** Nearest-rank percentile of sorted durations. */
    static Duration percentile(List<Duration> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
