package app.plugboard.testsupport.mail;

import app.plugboard.integration.imap.ImapProperties;
import app.plugboard.net.TlsTrust;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The test-only TLS files under {@code src/test/resources/tls} (see the README there): the
 * certificate for "localhost" the test servers present, and the trust store of its CA.
 */
public final class TestTls {

    public static final String PASSWORD = "changeit";

    private TestTls() {
    }

    /** The operator's trust store in the tests: the test CA. */
    public static Path trustStore() {
        return resource("tls/trust.p12");
    }

    /** Makes the test CA the operator's trust store of a test's Plugboard ({@code PLUGBOARD_TLS_TRUST_STORE}). */
    public static void trustedBy(DynamicPropertyRegistry registry) {
        registry.add("plugboard.tls.trust-store", () -> trustStore().toString());
        registry.add("plugboard.tls.trust-store-password", () -> PASSWORD);
    }

    /** The key and certificate for "localhost" that the test servers present. */
    public static Path serverKeyStore() {
        return resource("tls/server.p12");
    }

    /** Plugboard's trust as an operator with the test CA configures it: the JDK's CAs and the test CA. */
    public static TlsTrust operatorTrust() {
        return TlsTrust.load(trustStore().toString(), PASSWORD);
    }

    /** Mail settings with the given timeouts (read and write alike). */
    public static ImapProperties timeouts(Duration connect, Duration read, Duration deadline) {
        return new ImapProperties(connect, read, read, deadline, false);
    }

    /** A server-side TLS context presenting the "localhost" certificate. */
    public static SSLContext serverContext() {
        return serverContext("tls/server.p12");
    }

    /** A server-side TLS context presenting a "localhost" certificate from the test CA that expired long ago. */
    public static SSLContext expiredServerContext() {
        return serverContext("tls/expired.p12");
    }

    /** The key and the expired certificate of {@link #expiredServerContext()}. */
    public static Path expiredKeyStore() {
        return resource("tls/expired.p12");
    }

    private static SSLContext serverContext(String keyStore) {
        try (InputStream in = TestTls.class.getClassLoader().getResourceAsStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(Objects.requireNonNull(in), PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("the test TLS files cannot be read", e);
        }
    }

    private static Path resource(String name) {
        URL url = Objects.requireNonNull(TestTls.class.getClassLoader().getResource(name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
