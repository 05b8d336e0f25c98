package app.plugboard.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Loading the keyring")
class KeyringLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("no key set, locally: one is generated into the data directory, owner-only, with a loud warning, and reused")
    void generatesLocally(CapturedOutput output) throws Exception {
        SecretCipher first = new KeyringLoader(new EncryptionProperties("", ""), dataDir, false).load();
        String sealed = first.encrypt("hunter2", "ctx");

        Path keyFile = dataDir.resolve("encryption.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output.getOut()).contains("PLUGBOARD_ENCRYPTION_KEY is not set. A new key was generated into")
                .contains("back it up");
        SecretCipher second = new KeyringLoader(new EncryptionProperties("", ""), dataDir, false).load();
        assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(second.decrypt(sealed, "ctx")).isEqualTo("hunter2");
    }

    @Test
    @DisplayName("no key set with the prod profile: startup is refused with what to do, and no key file is written")
    void prodRefuses() {
        assertThatThrownBy(() -> new KeyringLoader(new EncryptionProperties("", ""), dataDir, true).load())
                .isInstanceOf(StartupProblem.class)
                .hasMessage("PLUGBOARD_ENCRYPTION_KEY is not set, and the prod profile does not start without it.")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("openssl rand -base64 32"));
        assertThat(dataDir.resolve("encryption.key")).doesNotExist();
    }

    @Test
    @DisplayName("a key that is not 32 bytes of base64 is refused, naming the variable, without echoing it")
    void malformedKey() {
        assertThatThrownBy(() -> new KeyringLoader(new EncryptionProperties("correct horse battery", ""), dataDir, false).load())
                .isInstanceOf(StartupProblem.class)
                .hasMessage("PLUGBOARD_ENCRYPTION_KEY is not a 256-bit key in base64.");
        assertThatThrownBy(() -> new KeyringLoader(new EncryptionProperties(TestKeys.CURRENT, "c2hvcnQ="), dataDir, false).load())
                .isInstanceOf(StartupProblem.class)
                .hasMessage("A key in PLUGBOARD_ENCRYPTION_OLD_KEYS is not a 256-bit key in base64.");
    }

    @Test
    @DisplayName("a key set after a generated one: the generated key still decrypts what it sealed")
    void generatedKeyJoinsKeyring() {
        SecretCipher generated = new KeyringLoader(new EncryptionProperties("", ""), dataDir, false).load();
        String sealed = generated.encrypt("hunter2", "ctx");

        SecretCipher configured = new KeyringLoader(new EncryptionProperties(TestKeys.CURRENT, ""), dataDir, false).load();

        assertThat(configured.currentKeyId()).isNotEqualTo(generated.currentKeyId());
        assertThat(configured.decrypt(sealed, "ctx")).isEqualTo("hunter2");
        assertThat(configured.isUnderCurrentKey(configured.encrypt("x", "ctx"))).isTrue();
    }

    @Test
    @DisplayName("an existing key file that others may read is refused at start, saying how to fix it; 0600 starts")
    void keyFileOpenToOthersRefused() throws Exception {
        // GIVEN a key generated earlier, whose file was later opened to everyone (rw-r--r--)
        SecretCipher generated = new KeyringLoader(new EncryptionProperties("", ""), dataDir, false).load();
        Path keyFile = dataDir.resolve("encryption.key");
        String key = Files.readString(keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        // WHEN Plugboard starts, with or without PLUGBOARD_ENCRYPTION_KEY THEN it refuses, naming the file and the fix
        for (EncryptionProperties properties : new EncryptionProperties[] {
                new EncryptionProperties("", ""), new EncryptionProperties(TestKeys.CURRENT, "")}) {
            assertThatThrownBy(() -> new KeyringLoader(properties, dataDir, false).load())
                    .isInstanceOf(StartupProblem.class)
                    .hasMessage("The encryption key file " + keyFile + " is readable by others (rw-r--r--).")
                    .satisfies(e -> assertThat(((StartupProblem) e).action())
                            .isEqualTo("Run: chmod 600 " + keyFile + " (then start Plugboard again)."));
        }
        // AND the file is left as it was
        assertThat(Files.readString(keyFile)).isEqualTo(key);

        // WHEN only its owner may read it again (and for a file others may only write to, the same refusal)
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> new KeyringLoader(new EncryptionProperties("", ""), dataDir, false).load())
                .hasMessage("The encryption key file " + keyFile + " is writable by others (rw--w----).");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        // THEN it starts with the same key
        assertThat(new KeyringLoader(new EncryptionProperties("", ""), dataDir, false).load().currentKeyId())
                .isEqualTo(generated.currentKeyId());
    }

    @Test
    @DisplayName("the printed configuration never shows a key")
    void propertiesHideKeys() {
        assertThat(new EncryptionProperties(TestKeys.CURRENT, TestKeys.OTHER).toString())
                .doesNotContain(TestKeys.CURRENT).doesNotContain(TestKeys.OTHER);
    }
}
