package app.plugboard.integration.calendar;

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
 * The last answer of each feed, in memory, with its validators (ETag, Last-Modified): a re-check of an
 * unchanged feed asks the server "changed since?", gets 304 and reads this copy instead of downloading it
 * again. Keyed by a hash of the address and username, so the address itself is not kept as a key; bounded
 * by the total size of the bodies it holds, least recently used first out. Not stored: after a restart the
 * first fetch of a feed is a full one.
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

    synchronized @Nullable Entry get(String address, @Nullable String username) {
        return entries.get(key(address, username));
    }

    synchronized void put(String address, @Nullable String username, Entry entry) {
        String key = key(address, username);
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

    synchronized void forget(String address, @Nullable String username) {
        Entry old = entries.remove(key(address, username));
        if (old != null) {
            bytes -= old.body().length;
        }
    }

    private static String key(String address, @Nullable String username) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(address.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((username == null ? "" : username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
