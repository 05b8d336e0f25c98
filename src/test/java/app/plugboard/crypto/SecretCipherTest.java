package app.plugboard.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.testsupport.TestKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SecretCipher")
class SecretCipherTest {

    static final String CONTEXT = "integration/1/aaaa";
    final SecretCipher cipher = SecretCipher.ofBase64Keys(TestKeys.CURRENT);

    @Test
    @DisplayName("the same plaintext encrypts differently every time, and each decrypts back")
    void randomised() {
        String first = cipher.encrypt("hunter2", CONTEXT);
        String second = cipher.encrypt("hunter2", CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first, CONTEXT)).isEqualTo("hunter2");
        assertThat(cipher.decrypt(second, CONTEXT)).isEqualTo("hunter2");
    }

    @Test
    @DisplayName("a ciphertext names its key and hides the plaintext")
    void format() {
        String sealed = cipher.encrypt("hunter2", CONTEXT);

        assertThat(sealed).startsWith("pb1." + cipher.currentKeyId() + ".").doesNotContain("hunter2");
        assertThat(cipher.currentKeyId()).matches("[0-9a-f]{8}");
        assertThat(cipher.isUnderCurrentKey(sealed)).isTrue();
    }

    @Test
    @DisplayName("a ciphertext moved to another row or owner does not decrypt")
    void boundToContext() {
        String sealed = cipher.encrypt("hunter2", CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "integration/1/bbbb"))
                .isInstanceOf(UnreadableSecretException.class).hasMessage("the ciphertext belongs to another record");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "integration/2/aaaa"))
                .isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    @DisplayName("an altered ciphertext does not decrypt")
    void tamperEvident() {
        String sealed = cipher.encrypt("hunter2", CONTEXT);
        char last = sealed.charAt(sealed.length() - 1);
        String altered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class).hasMessage("the ciphertext does not verify");
        assertThatThrownBy(() -> cipher.decrypt("garbage", CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    @DisplayName("older keys in the keyring decrypt; a key outside it is named in the failure")
    void keyring() {
        SecretCipher old = SecretCipher.ofBase64Keys(TestKeys.OTHER);
        SecretCipher rotated = SecretCipher.ofBase64Keys(TestKeys.CURRENT, TestKeys.OTHER);
        String underOld = old.encrypt("hunter2", CONTEXT);

        assertThat(rotated.decrypt(underOld, CONTEXT)).isEqualTo("hunter2");
        assertThat(rotated.isUnderCurrentKey(underOld)).isFalse();
        assertThatThrownBy(() -> cipher.decrypt(underOld, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("encrypted under key " + old.currentKeyId() + ", which is not in the keyring");
    }
}
