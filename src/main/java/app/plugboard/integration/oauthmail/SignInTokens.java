package app.plugboard.integration.oauthmail;

import app.plugboard.common.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Bearer values of the sign-in: link tokens, OAuth states, the browser binding. 256 random bits,
 * URL-safe; the database keeps only their SHA-256.
 */
public final class SignInTokens {

    private SignInTokens() {
    }

    public static String random() {
        return RandomTokens.urlSafe(32);
    }

    public static byte[] hash(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Only what {@link #random()} makes: anything else is refused before it reaches the database. */
    public static boolean wellFormed(String value) {
        return value.length() == 43 && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
