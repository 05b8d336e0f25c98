package app.plugboard.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import app.plugboard.testsupport.mail.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TlsTrust: the JDK's CAs and the operator's trust store")
class TlsTrustTest {

    @Test
    @DisplayName("a readable PKCS12 store of CA certificates is used beside the JDK's CAs")
    void loads() throws Exception {
        // WHEN the operator's store (the test CA) is loaded
        TlsTrust trust = TlsTrust.load(TestTls.trustStore().toString(), TestTls.PASSWORD);
        TlsTrust jdkOnly = TlsTrust.jdkOnly();

        // THEN a server certificate that the test CA signed is trusted, and without the store it is not
        X509Certificate[] testServer = chain(TestTls.serverKeyStore(), "server");
        assertThatCode(() -> trust.trustManager().checkServerTrusted(testServer, "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> jdkOnly.trustManager().checkServerTrusted(testServer, "ECDHE_ECDSA"))
                .isInstanceOf(TlsTrust.UntrustedCertificate.class);
        // AND every CA of the JDK still anchors a chain
        X509Certificate[] jdkCas = jdkOnly.trustManager().getAcceptedIssuers();
        assertThat(jdkCas).isNotEmpty().allSatisfy(ca -> assertThatCode(() -> trust.trustManager()
                .checkServerTrusted(new X509Certificate[] {ca}, "ECDHE_RSA")).as(ca.getSubjectX500Principal().getName())
                .doesNotThrowAnyException());
        // AND the store and its one certificate are named for the log
        assertThat(trust.operatorStore()).contains(TestTls.trustStore().toString());
        assertThat(trust.operatorCertificates()).isEqualTo(1);
        assertThat(trust.trustManager().getAcceptedIssuers()).hasSize(jdkCas.length + 1);
        assertThat(jdkOnly.operatorStore()).isEmpty();
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

    private static X509Certificate[] chain(Path keyStore, String alias) throws Exception {
        Certificate[] chain = KeyStore.getInstance(keyStore.toFile(), TestTls.PASSWORD.toCharArray()).getCertificateChain(alias);
        return Arrays.copyOf(chain, chain.length, X509Certificate[].class);
    }

    @Test
    @DisplayName("the trust store password never shows in the settings' text")
    void passwordHidden() {
        assertThat(new TlsProperties("/etc/plugboard/ca.p12", "store-secret").toString())
                .doesNotContain("store-secret").contains("***");
    }
}
