package app.plugboard.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authenticated encryption (AES-256-GCM through jasypt-spring-boot's {@code SimpleGCMByteEncryptor},
 * a fresh random 96-bit IV each time) with a keyring.
 *
 * <p>A ciphertext reads {@code pb1.<key id>.<base64url(iv | ciphertext | tag)>}. The plaintext
 * inside starts with the caller's binding context (for an integration: owner and id), so a
 * ciphertext copied to another row or owner fails to decrypt: GCM's tag covers the context,
 * and the context is compared on the way out.
 */
public final class SecretCipher {

    private static final String VERSION = "pb1";
    private static final char SEPARATOR = '\u0000';

    private final EncryptionKey current;
    private final Map<String, EncryptionKey> byId = new LinkedHashMap<>();

    SecretCipher(EncryptionKey current, List<EncryptionKey> older) {
        this.current = current;
        byId.put(current.id(), current);
        for (EncryptionKey key : older) {
            byId.putIfAbsent(key.id(), key);
        }
    }

    /** A cipher over base64 keys: the first encrypts, all decrypt. For tools and tests. */
    public static SecretCipher ofBase64Keys(String current, String... older) {
        return new SecretCipher(EncryptionKey.fromBase64(current),
                Arrays.stream(older).map(EncryptionKey::fromBase64).toList());
    }

    public String currentKeyId() {
        return current.id();
    }

    public String encrypt(String plaintext, String context) {
        byte[] message = (context + SEPARATOR + plaintext).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = current.encrypt(message);
        return VERSION + "." + current.id() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** @throws UnreadableSecretException when the key is unknown, the text was altered or belongs elsewhere */
    public String decrypt(String ciphertext, String context) {
        String[] parts = ciphertext.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UnreadableSecretException("not a Plugboard ciphertext");
        }
        EncryptionKey key = byId.get(parts[1]);
        if (key == null) {
            throw new UnreadableSecretException("encrypted under key " + parts[1]
                    + ", which is not in the keyring (PLUGBOARD_ENCRYPTION_KEY / PLUGBOARD_ENCRYPTION_OLD_KEYS)");
        }
        byte[] message;
        try {
            message = key.decrypt(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            // bad base64, or the GCM tag (which SimpleGCMByteEncryptor throws sneakily as a checked exception)
            throw new UnreadableSecretException("the ciphertext does not verify");
        }
        String text = new String(message, StandardCharsets.UTF_8);
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0 || !text.substring(0, separator).equals(context)) {
            throw new UnreadableSecretException("the ciphertext belongs to another record");
        }
        return text.substring(separator + 1);
    }

    public boolean isUnderCurrentKey(String ciphertext) {
        return ciphertext.startsWith(VERSION + "." + current.id() + ".");
    }

    @Override
    public String toString() {
        return "SecretCipher[current=" + current.id() + ", keys=" + byId.keySet() + "]";
    }
}
