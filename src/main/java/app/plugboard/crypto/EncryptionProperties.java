package app.plugboard.crypto;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the current key: 32 random bytes in base64
 * @param oldKeys earlier keys, still accepted for decryption until every row is re-encrypted
 */
@ConfigurationProperties("plugboard.encryption")
record EncryptionProperties(String key, String oldKeys) {

    EncryptionProperties {
        key = key == null ? "" : key.trim();
        oldKeys = oldKeys == null ? "" : oldKeys.trim();
    }

    boolean hasKey() {
        return !key.isEmpty();
    }

    List<String> oldKeyList() {
        return Arrays.stream(oldKeys.split("[,\\s]+")).filter(k -> !k.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "EncryptionProperties[key=***, oldKeys=" + oldKeyList().size() + " hidden]";
    }
}
