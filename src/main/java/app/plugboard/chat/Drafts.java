package app.plugboard.chat;

import app.plugboard.common.RandomTokens;
import app.plugboard.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * What a person is in the middle of (the form they opened, what they typed so far, never a
 * secret), kept in memory under a random token so that component ids carry only that token.
 * A draft expires after a while, and only its owner can use it. Each person keeps at most
 * {@link #MAX_PER_PERSON}: one more drops that person's oldest, never someone else's.
 */
@Component
public class Drafts {

    static final Duration LIFETIME = Duration.ofMinutes(60);
    static final int MAX_DRAFTS = 10_000;
    static final int MAX_PER_PERSON = 20;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    Drafts(Clock clock) {
        this.clock = clock;
    }

    private record Entry(UserId owner, Object payload, Instant expiresAt) {
    }

    /** Keeps {@code payload} for {@code owner}; the returned token goes into component ids. */
    public synchronized String open(UserId owner, Object payload) {
        evictExpired();
        if (entries.values().stream().filter(entry -> entry.owner().equals(owner)).count() >= MAX_PER_PERSON) {
            removeOldest(entry -> entry.owner().equals(owner));
        }
        if (entries.size() >= MAX_DRAFTS) {
            removeOldest(entry -> true);
        }
        String token = RandomTokens.urlSafe(15);
        entries.put(token, new Entry(owner, payload, clock.instant().plus(LIFETIME)));
        return token;
    }

    /** @throws ExpiredException when the draft is unknown, expired, not of that kind, or someone else's */
    public <T> T get(String token, UserId user, Class<T> kind) {
        Entry entry = entries.get(token);
        if (entry == null || !entry.owner().equals(user) || !kind.isInstance(entry.payload())
                || entry.expiresAt().isBefore(clock.instant())) {
            throw new ExpiredException();
        }
        return kind.cast(entry.payload());
    }

    /** Replaces what is kept (for example with what was typed, to prefill "Try again"). */
    public void update(String token, UserId user, Object payload) {
        get(token, user, payload.getClass());
        entries.put(token, new Entry(user, payload, clock.instant().plus(LIFETIME)));
    }

    public void close(String token) {
        entries.remove(token);
    }

    int size() {
        return entries.size();
    }

    private void removeOldest(Predicate<Entry> among) {
        entries.entrySet().stream().filter(e -> among.test(e.getValue()))
                .min(Comparator.comparing(e -> e.getValue().expiresAt()))
                .ifPresent(oldest -> entries.remove(oldest.getKey()));
    }

    private void evictExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> entry.expiresAt().isBefore(now));
    }
}
