package app.plugboard.discord.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's sharding as the fake plays it: how many shards it recommends ({@code GET /gateway/bot}), the bot's
 * {@code max_concurrency}, and the IDENTIFY rate limit: one IDENTIFY per {@link #IDENTIFY_SPACING} in each
 * bucket, the bucket of shard {@code s} being {@code s % max_concurrency}. Each IDENTIFY is recorded, refused
 * or not.
 */
final class ShardLimits {

    /** Discord allows {@code max_concurrency} identifies per 5 seconds: one per bucket. */
    static final Duration IDENTIFY_SPACING = Duration.ofSeconds(5);
    /** Session starts Discord allows a bot a day. */
    static final int SESSION_STARTS_PER_DAY = 1_000;

    private final FakeDiscord fake;
    final int recommendedShards;
    final int maxConcurrency;
    private final Map<Integer, Long> lastIdentifyNanos = new HashMap<>();
    private final List<FakeDiscord.Identify> identifies = new CopyOnWriteArrayList<>();

    ShardLimits(FakeDiscord fake, int recommendedShards, int maxConcurrency) {
        if (recommendedShards < 1 || maxConcurrency < 1) {
            throw new IllegalArgumentException("shards and max_concurrency are at least 1");
        }
        this.fake = fake;
        this.recommendedShards = recommendedShards;
        this.maxConcurrency = maxConcurrency;
    }

    /** Whether an IDENTIFY of this shard may start a session now; a refused one is recorded as a rejection. */
    synchronized boolean identify(int shard, int total) {
        int bucket = shard % maxConcurrency;
        long now = System.nanoTime();
        Long last = lastIdentifyNanos.get(bucket);
        boolean tooSoon = last != null && now - last < IDENTIFY_SPACING.toNanos();
        identifies.add(new FakeDiscord.Identify(shard, total, bucket, Instant.now(), tooSoon));
        if (tooSoon) {
            fake.recordRejection(new Rejection(Rejection.Kind.IDENTIFY_TOO_SOON, 0, 9, "GATEWAY", "IDENTIFY", null,
                    "shard [" + shard + ", " + total + "] identified " + Duration.ofNanos(now - last).toMillis()
                            + " ms after the last IDENTIFY of bucket " + bucket + "; Discord allows one per "
                            + IDENTIFY_SPACING.toSeconds() + " s per bucket (max_concurrency " + maxConcurrency + ")"));
            return false;
        }
        lastIdentifyNanos.put(bucket, now);
        return true;
    }

    List<FakeDiscord.Identify> identifies() {
        return List.copyOf(identifies);
    }

    /** The body of {@code GET /gateway/bot}. */
    JsonNode gatewayBot(String gatewayUrl) {
        ObjectNode body = Json.object().put("url", gatewayUrl).put("shards", recommendedShards);
        long started = identifies.stream().filter(identify -> !identify.refused()).count();
        body.putObject("session_start_limit")
                .put("total", SESSION_STARTS_PER_DAY)
                .put("remaining", Math.max(0, SESSION_STARTS_PER_DAY - started))
                .put("reset_after", Duration.ofDays(1).toMillis())
                .put("max_concurrency", maxConcurrency);
        return body;
    }

    /** Records which shard's session an interaction was sent to. */
    void delivered(JsonNode data, int shard) {
        String id = data.path("id").asString("");
        fake.interactionById(id).ifPresent(interaction -> interaction.deliveredTo(shard));
    }
}
