package app.plugboard.crypto;

import com.ulisesbocchio.jasyptspringboot.encryptor.SimpleGCMByteEncryptor;
import com.ulisesbocchio.jasyptspringboot.encryptor.SimpleGCMConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key and its id. The id is derived from the key (a truncated SHA-256 under a fixed
 * label), so operators never name keys and every ciphertext can say which key made it.
 */
final class EncryptionKey {

    static final int KEY_BYTES = 32;

    private final String id;
    private final SimpleGCMByteEncryptor encryptor;

    private EncryptionKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an encryption key has " + KEY_BYTES + " bytes");
        }
        this.id = idOf(key);
        SimpleGCMConfig config = new SimpleGCMConfig();
        config.setActualKey(new SecretKeySpec(key, "AES"));
        this.encryptor = new SimpleGCMByteEncryptor(config);
    }

    /** @throws IllegalArgumentException when the text is not 32 bytes in base64 */
    static EncryptionKey fromBase64(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        return new EncryptionKey(key);
    }

    String id() {
        return id;
    }

    byte[] encrypt(byte[] plaintext) {
        return encryptor.encrypt(plaintext);
    }

    /** @throws java.security.GeneralSecurityException (sneakily) when the tag does not verify */
    byte[] decrypt(byte[] ciphertext) {
        return encryptor.decrypt(ciphertext);
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("plugboard key id\u0000".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha256.digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + id + "]";
    }
}
