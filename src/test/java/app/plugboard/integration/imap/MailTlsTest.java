package app.plugboard.integration.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.mail.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("MailTls: the operator's trust store")
class MailTlsTest {

    static ImapProperties withStore(String path, String password) {
        return new ImapProperties(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30),
                path, password, false);
    }

    @Test
    @DisplayName("a readable PKCS12 store of CA certificates is used beside the JDK's CAs")
    void loads() {
        assertThat(new MailTls(withStore(TestTls.trustStore().toString(), TestTls.PASSWORD)).socketFactory()).isNotNull();
        assertThat(new MailTls(ImapProperties.defaults()).socketFactory()).isNotNull();
    }

    @Test
    @DisplayName("a missing file, a wrong password or a store without certificates stops the start with what to fix")
    void refusesBadStores(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var out = Files.newOutputStream(empty)) {
            store.store(out, "changeit".toCharArray());
        }

        assertThatThrownBy(() -> new MailTls(withStore(dir.resolve("missing.p12").toString(), "x")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("is not a readable file");
        assertThatThrownBy(() -> new MailTls(withStore(TestTls.trustStore().toString(), "wrong")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("cannot be read")
                .extracting(e -> ((StartupProblem) e).action()).asString().contains("PLUGBOARD_IMAP_TRUST_STORE_PASSWORD");
        assertThatThrownBy(() -> new MailTls(withStore(empty.toString(), "changeit")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("holds no certificate");
    }

    @Test
    @DisplayName("the trust store password never shows in the settings' text")
    void passwordHidden() {
        assertThat(withStore("/etc/plugboard/ca.p12", "store-secret").toString()).doesNotContain("store-secret").contains("***");
    }
}
