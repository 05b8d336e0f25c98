package app.plugboard.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One token bucket per client address (Bucket4j): {@code perMinute} requests at once, refilled
 * evenly over a minute. The buckets live in a bounded cache (Caffeine): at most {@code maxClients}
 * addresses, each forgotten two minutes after its last request (by then its bucket is full again),
 * so many addresses cannot make it grow.
 */
final class ClientBuckets {

    /** Whether a request may go on; if not, how many seconds until it may. */
    record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final Duration FORGET_AFTER = Duration.ofMinutes(2);

    private final int perMinute;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(int perMinute, int maxClients) {
        this.perMinute = Math.max(1, perMinute);
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxClients)).expireAfterAccess(FORGET_AFTER).build();
    }

    Decision take(String address) {
        ConsumptionProbe probe = buckets.get(address, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        long nanos = probe.getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** How many addresses are remembered now. */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
