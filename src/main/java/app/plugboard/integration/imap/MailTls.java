package app.plugboard.integration.imap;

import app.plugboard.common.StartupProblem;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The TLS that mail connections use: the JDK's trusted CAs, plus, when an operator configured one,
 * the CAs of a trust store of their own (a self-hosted server with its own CA). Certificates and
 * host names are always checked; there is no way to trust everything.
 *
 * <p>A refused certificate says why, so the person can be told: {@link UntrustedCertificate} (no
 * trusted CA signed it, or it expired) or {@link CertificateForAnotherHost} (trusted, but issued
 * for another name).
 */
@Component
class MailTls {

    private static final Logger log = LoggerFactory.getLogger(MailTls.class);

    private final SSLContext context;

    MailTls(ImapProperties properties) {
        List<X509ExtendedTrustManager> trust = new ArrayList<>();
        trust.add(trustManager(null));
        String path = properties.trustStore();
        if (path != null && !path.isBlank()) {
            KeyStore store = load(path, properties.trustStorePassword());
            trust.add(trustManager(store));
            log.info("Mail connections trust the JDK's CAs and {} certificate(s) from {}", certificates(store), path);
        }
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(trust)}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    private static KeyStore load(String path, @Nullable String password) {
        File file = new File(path);
        String action = "Point PLUGBOARD_IMAP_TRUST_STORE at a readable PKCS12 file of CA certificates and set "
                + "PLUGBOARD_IMAP_TRUST_STORE_PASSWORD to its password, or leave both empty.";
        if (!file.isFile() || !file.canRead()) {
            throw new StartupProblem("The IMAP trust store " + path + " is not a readable file.", action);
        }
        try {
            KeyStore store = KeyStore.getInstance(file, password == null ? new char[0] : password.toCharArray());
            if (certificates(store) == 0) {
                throw new StartupProblem("The IMAP trust store " + path + " holds no certificate.", action);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupProblem("The IMAP trust store " + path + " cannot be read (wrong password, or not a "
                    + "PKCS12 or JKS file): " + e.getClass().getSimpleName() + ".", action);
        }
    }

    private static int certificates(KeyStore store) {
        try {
            int count = 0;
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) != null) {
                    count++;
                }
            }
            return count;
        } catch (GeneralSecurityException e) {
            return 0;
        }
    }

    /** The JDK's trust manager over {@code store}, or over the JDK's own CAs when null. */
    private static X509ExtendedTrustManager trustManager(@Nullable KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new StartupProblem("The trust store cannot be used for TLS: " + e.getClass().getSimpleName() + ".",
                    "Use a PKCS12 file of CA certificates.", e);
        }
        throw new IllegalStateException("the JDK offers no X509 trust manager");
    }

    /** No trusted CA signed the server's certificate, or it has expired. */
    static final class UntrustedCertificate extends CertificateException {
        UntrustedCertificate(CertificateException cause) {
            super("certificate not trusted", cause);
        }
    }

    /** The certificate is trusted but was issued for another host name. */
    static final class CertificateForAnotherHost extends CertificateException {
        CertificateForAnotherHost(CertificateException cause) {
            super("certificate for another host", cause);
        }
    }

    /**
     * Trusts a server that any of the delegates trusts (each checks the chain and, with the socket,
     * the host name). When all refuse, says whether the chain or the name was wrong.
     */
    private static final class EitherTrustManager extends X509ExtendedTrustManager {

        private final List<X509ExtendedTrustManager> delegates;

        EitherTrustManager(List<X509ExtendedTrustManager> delegates) {
            this.delegates = List.copyOf(delegates);
        }

        private interface Check {
            void run(X509ExtendedTrustManager delegate) throws CertificateException;
        }

        private void serverCheck(X509Certificate[] chain, String authType, Check withIdentity) throws CertificateException {
            List<CertificateException> refusals = new ArrayList<>();
            for (X509ExtendedTrustManager delegate : delegates) {
                try {
                    withIdentity.run(delegate);
                    return;
                } catch (CertificateException e) {
                    refusals.add(e);
                }
            }
            // refused by all: did one of them trust the chain (so only the name was wrong)?
            for (int i = 0; i < delegates.size(); i++) {
                if (trustsChain(delegates.get(i), chain, authType)) {
                    throw new CertificateForAnotherHost(refusals.get(i));
                }
            }
            throw new UntrustedCertificate(refusals.get(0));
        }

        private static boolean trustsChain(X509ExtendedTrustManager delegate, X509Certificate[] chain, String authType) {
            try {
                delegate.checkServerTrusted(chain, authType); // the chain only, no host name
                return true;
            } catch (CertificateException e) {
                return false;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            serverCheck(chain, authType, delegate -> delegate.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            serverCheck(chain, authType, delegate -> delegate.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            serverCheck(chain, authType, delegate -> delegate.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("mail connections are clients only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("mail connections are clients only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("mail connections are clients only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegates.stream().flatMap(delegate -> Stream.of(delegate.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
