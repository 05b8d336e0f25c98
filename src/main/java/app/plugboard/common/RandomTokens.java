package app.plugboard.common;

import java.security.SecureRandom;
import java.util.Base64;

/** The one way Plugboard makes random tokens: from {@link SecureRandom}, so none can be guessed. */
public final class RandomTokens {

    /** Letters and digits nobody mistakes for each other when reading them out: no I, O, 0 or 1. */
    static final String READABLE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /**
     * {@code bytes} random bytes as URL-safe base64 without padding ({@code A-Z a-z 0-9 - _}; 4
     * characters per 3 bytes): for tokens that travel in links and component ids.
     */
    public static String urlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** {@code length} random characters of {@link #READABLE}: for references a person reads out or types. */
    public static String readable(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = READABLE.charAt(RANDOM.nextInt(READABLE.length()));
        }
        return new String(text);
    }
}
