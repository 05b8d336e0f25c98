package app.plugboard.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.mail.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TlsTrust: the JDK's CAs and the operator's trust store")
class TlsTrustTest {

    @Test
    @DisplayName("a readable PKCS12 store of CA certificates is used beside the JDK's CAs")
    void loads() {
        TlsTrust trust = TlsTrust.load(TestTls.trustStore().toString(), TestTls.PASSWORD);

        assertThat(trust.operatorStore()).contains(TestTls.trustStore().toString());
        assertThat(trust.operatorCertificates()).isEqualTo(1);
        assertThat(trust.trustManager().getAcceptedIssuers().length)
                .isEqualTo(TlsTrust.jdkOnly().trustManager().getAcceptedIssuers().length + 1);
        assertThat(TlsTrust.jdkOnly().operatorStore()).isEmpty();
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

        assertThatThrownBy(() -> TlsTrust.load(dir.resolve("missing.p12").toString(), "x"))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("is not a readable file");
        assertThatThrownBy(() -> TlsTrust.load(TestTls.trustStore().toString(), "wrong"))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("cannot be read")
                .extracting(e -> ((StartupProblem) e).action()).asString().contains("PLUGBOARD_TRUST_STORE_PASSWORD");
        assertThatThrownBy(() -> TlsTrust.load(empty.toString(), "changeit"))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("holds no certificate");
    }

    @Test
    @DisplayName("the trust store password never shows in the settings' text")
    void passwordHidden() {
        assertThat(new TlsProperties("/etc/plugboard/ca.p12", "store-secret").toString())
                .doesNotContain("store-secret").contains("***");
    }
}
