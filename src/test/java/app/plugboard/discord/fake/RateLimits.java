package app.plugboard.discord.fake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Discord's per-route rate limits, as a bot must keep to them. A route given a limit ({@link FakeDiscord#limitRate})
 * allows so many requests per window for each concrete path (each interaction token, as Discord's limits go by
 * the route's major parameters), and every answer on it carries Discord's {@code X-RateLimit-*} headers, which
 * JDA reads to wait on its own. Whatever the route, once the fake answered 429 with {@code Retry-After}, the
 * path must wait that long. A request that does not wait, or that exceeds its window, is answered 429 and
 * counts as a rejection ({@link Rejection.Kind#RATE_LIMIT_EXCEEDED}): the bot went over the rate it was given.
 */
final class RateLimits {

    /** What the fake lets pass for scheduling jitter between JDA's clock reading and the request's arrival. */
    private static final long TOLERANCE_MILLIS = 5;

    private record Limit(String method, String[] pattern, int requests, Duration per) {
        boolean matches(RestRequest request) {
            String[] segments = request.segments();
            if (!method.equals(request.method()) || segments.length != pattern.length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (!pattern[i].startsWith("{") && !pattern[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        String bucket() {
            return Integer.toHexString((method + " " + String.join("/", pattern)).hashCode());
        }
    }

    /** One concrete path's window: requests used since it opened, and a wait a 429 imposed. */
    private static final class Window {
        long resetAtMillis;
        int used;
        long blockedUntilMillis;
    }

    private final FakeDiscord fake;
    private final List<Limit> limits = new CopyOnWriteArrayList<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimits(FakeDiscord fake) {
        this.fake = fake;
    }

    void limit(String method, String path, int requests, Duration per) {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a limit allows at least one request in a positive window");
        }
        limits.add(new Limit(method, path.split("/"), requests, per));
    }

    /** Forgets every limit and every wait (the next test starts with a Discord that limits nothing). */
    void clear() {
        limits.clear();
        windows.clear();
    }

    /**
     * Before the fake looks at a request: one that comes while its path must still wait (after a 429), or beyond
     * its window's allowance, is refused with 429 and recorded. Otherwise it counts against its window.
     */
    Optional<RestResponse> refuse(RestRequest request) {
        long now = System.currentTimeMillis();
        Window window = windows.get(key(request));
        Optional<Limit> limit = limitOf(request);
        if (window == null && limit.isEmpty()) {
            return Optional.empty();
        }
        window = windows.computeIfAbsent(key(request), k -> new Window());
        synchronized (window) {
            if (now + TOLERANCE_MILLIS < window.blockedUntilMillis) {
                return Optional.of(overLimit(request, window.blockedUntilMillis - now,
                        "came " + (window.blockedUntilMillis - now) + " ms before the Retry-After of the 429 before it ended"));
            }
            if (limit.isEmpty()) {
                return Optional.empty();
            }
            if (now >= window.resetAtMillis) {
                window.used = 0;
                window.resetAtMillis = now + limit.get().per().toMillis();
            }
            if (window.used >= limit.get().requests()) {
                if (now + TOLERANCE_MILLIS >= window.resetAtMillis) {
                    window.used = 0;
                    window.resetAtMillis = now + limit.get().per().toMillis();
                } else {
                    return Optional.of(overLimit(request, window.resetAtMillis - now, "request " + (window.used + 1)
                            + " within " + limit.get().per().toMillis() + " ms, where " + limit.get().requests() + " are allowed"));
                }
            }
            window.used++;
            return Optional.empty();
        }
    }

    /** After the fake answered: the limit's headers on a limited path; a 429 makes the path wait its Retry-After. */
    RestResponse answered(RestRequest request, RestResponse response) {
        Window window = windows.get(key(request));
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        if (response.status() == 429) {
            long retryAfterMillis = 1_000 * Long.parseLong(response.headers().getOrDefault("Retry-After", "1"));
            window = windows.computeIfAbsent(key(request), k -> new Window());
            synchronized (window) {
                window.blockedUntilMillis = Math.max(window.blockedUntilMillis, System.currentTimeMillis() + retryAfterMillis);
            }
        }
        Optional<Limit> limit = limitOf(request);
        if (limit.isEmpty() || window == null || response.status() == 429) {
            return response;
        }
        synchronized (window) {
            long now = System.currentTimeMillis();
            long resetAfter = Math.max(0, window.resetAtMillis - now);
            headers.put("X-RateLimit-Bucket", limit.get().bucket());
            headers.put("X-RateLimit-Limit", Integer.toString(limit.get().requests()));
            headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit.get().requests() - window.used)));
            headers.put("X-RateLimit-Reset-After", seconds(resetAfter));
            headers.put("X-RateLimit-Reset", seconds(now + resetAfter));
        }
        return new RestResponse(response.status(), response.json(), headers);
    }

    private RestResponse overLimit(RestRequest request, long waitMillis, String detail) {
        fake.reject(Rejection.Kind.RATE_LIMIT_EXCEEDED, 429, 0, "You are being rate limited.", request, null, detail);
        return RestResponse.rateLimited((int) Math.max(1, (waitMillis + 999) / 1_000));
    }

    private Optional<Limit> limitOf(RestRequest request) {
        return limits.stream().filter(limit -> limit.matches(request)).findFirst();
    }

    private static String key(RestRequest request) {
        return request.method() + " " + request.path();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1_000.0);
    }
}
