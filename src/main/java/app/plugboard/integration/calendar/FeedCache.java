package app.plugboard.integration.calendar;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The last answer of each stored feed integration, in memory, with its validators (ETag, Last-Modified): a
 * re-check of an unchanged feed asks the server "changed since?", gets 304 and reads this copy instead of
 * downloading it again. A copy belongs to one integration of one owner and to the credentials that fetched it
 * ({@link #key}): another owner's integration of the same address, or the same integration with a changed
 * password, never reads it (a 304 from a cache in front of the server proves nothing about the password).
 * Settings that are not stored yet are fetched without a copy. Keys are hashes, so neither the address nor a
 * password is kept as a key; bounded by the total size of the bodies it holds, least recently used first out.
 * Not stored: after a restart the first fetch of a feed is a full one.
 */
final class FeedCache {

    record Entry(HttpCall.Validators validators, byte[] body, Instant fetchedAt) {
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    FeedCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Where the copy of this integration's feed, fetched with these settings, is kept. */
    static String key(UserId owner, IntegrationId integration, CalendarFeedSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {owner.toString(), integration.toString(), reveal(settings.url()),
                    settings.username() == null ? "" : settings.username(), reveal(settings.password())}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reveal(@Nullable Secret secret) {
        return secret == null ? "" : secret.reveal();
    }

    synchronized @Nullable Entry get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Entry entry) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.body().length;
        }
        if (entry.validators().isEmpty() || entry.body().length > maxBytes) {
            return;
        }
        entries.put(key, entry);
        bytes += entry.body().length;
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().body().length;
            oldest.remove();
        }
    }

    synchronized void forget(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.body().length;
        }
    }
}
