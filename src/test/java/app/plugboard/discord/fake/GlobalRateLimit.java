package app.plugboard.discord.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * Discord's global rate limit: a bot may make {@link #perSecond} requests in any second, all routes together,
 * except the interaction endpoints (callbacks, and the webhooks of interaction tokens), which Discord does not
 * count. One more is answered 429 with {@code "global": true}, and recorded.
 */
final class GlobalRateLimit {

    /** Discord's limit for a bot. */
    static final int DISCORD_PER_SECOND = 50;
    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    /** A request the fake answered 429 because the bot was over the global limit. */
    record Limited(Instant at, String method, String path) {
    }

    private volatile int perSecond = DISCORD_PER_SECOND;
    private final Deque<Long> admitted = new ArrayDeque<>();
    private final List<Limited> limited = new CopyOnWriteArrayList<>();
    private final List<Instant> counted = new CopyOnWriteArrayList<>();

    void perSecond(int limit) {
        perSecond = limit;
    }

    /** The 429 for this request, or null when it may go on. */
    synchronized RestResponse check(RestRequest request) {
        String first = request.segments().length == 0 ? "" : request.segments()[0];
        if (first.equals("interactions") || first.equals("webhooks")) {
            return null;
        }
        long now = System.nanoTime();
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= WINDOW_NANOS) {
            admitted.removeFirst();
        }
        if (admitted.size() >= perSecond) {
            limited.add(new Limited(Instant.now(), request.method(), request.path()));
            double wait = (WINDOW_NANOS - (now - admitted.peekFirst())) / 1e9;
            JsonNode body = Json.object().put("message", "You are being rate limited.").put("retry_after", wait)
                    .put("global", true);
            return new RestResponse(429, body, Map.of("Retry-After", Long.toString((long) Math.ceil(wait)),
                    "X-RateLimit-Global", "true", "X-RateLimit-Scope", "global", "Via", "1.1 google"));
        }
        admitted.addLast(now);
        counted.add(Instant.now());
        return null;
    }

    List<Limited> limited() {
        return List.copyOf(limited);
    }

    /** When each request that counted toward the limit was admitted. */
    List<Instant> counted() {
        return List.copyOf(counted);
    }
}
