package app.plugboard.net;

import app.plugboard.common.StartupProblem;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The TLS trust of every connection Plugboard makes to a server a person named (IMAP and SMTP, calendar
 * feeds and CalDAV) and to Gmail's IMAP: the JDK's CAs, plus, when the operator configured one, the CAs
 * of one trust store of their own (a self-hosted server with its own CA). Certificates and host names
 * are always checked; there is no way to trust everything.
 *
 * <p>A refused certificate says why, so the person can be told: {@link UntrustedCertificate} (no trusted
 * CA signed it, or it expired) or {@link CertificateForAnotherHost} (trusted, but issued for another
 * name, when the connection asked the trust manager to check the name); {@link #refusal} reads either
 * out of a failure.
 */
public final class TlsTrust {

    private final SSLContext context;
    private final X509ExtendedTrustManager trustManager;
    private final @Nullable String operatorStore;
    private final int operatorCertificates;

    private TlsTrust(@Nullable String operatorStore, @Nullable KeyStore store) {
        List<X509ExtendedTrustManager> trust = new ArrayList<>();
        trust.add(trustManager(null));
        if (store != null) {
            trust.add(trustManager(store));
        }
        this.operatorStore = operatorStore;
        this.operatorCertificates = store == null ? 0 : certificates(store);
        this.trustManager = new EitherTrustManager(trust);
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    /** The JDK's CAs only. */
    public static TlsTrust jdkOnly() {
        return new TlsTrust(null, null);
    }

    /**
     * The JDK's CAs and those of the PKCS12 (or JKS) file at {@code path}.
     *
     * @throws StartupProblem when the file cannot be read or holds no certificate
     */
    public static TlsTrust load(String path, @Nullable String password) {
        return new TlsTrust(path, read(path, password));
    }

    public SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    /** The trust manager behind {@link #socketFactory()} (OkHttp wants both). */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /** The operator's trust store, when one is configured (for the log). */
    public Optional<String> operatorStore() {
        return Optional.ofNullable(operatorStore);
    }

    /** How many certificates the operator's store added. */
    public int operatorCertificates() {
        return operatorCertificates;
    }

    /** Why a server's certificate was refused, as far as a person needs to know. */
    public enum Refusal {
        /** No trusted CA signed it (self-signed, or a private CA the operator has not added). */
        UNTRUSTED,
        /** It has expired, or is not valid yet. */
        EXPIRED,
        /** Trusted, but issued for another host name. */
        OTHER_HOST
    }

    /**
     * What a failed TLS connection says about the server's certificate, read from the failure and its
     * causes: empty when the failure was not about the certificate (a protocol mismatch, say).
     */
    public static Optional<Refusal> refusal(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(cause -> cause instanceof CertificateForAnotherHost
                || cause instanceof SSLPeerUnverifiedException)) {
            return Optional.of(Refusal.OTHER_HOST);
        }
        if (chain.stream().anyMatch(cause -> cause instanceof CertificateExpiredException
                || cause instanceof CertificateNotYetValidException)) {
            return Optional.of(Refusal.EXPIRED);
        }
        if (chain.stream().anyMatch(CertificateException.class::isInstance)) {
            return Optional.of(Refusal.UNTRUSTED);
        }
        return Optional.empty();
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < 50) {
            Throwable next = pending.remove(0);
            if (seen.add(next)) {
                chain.add(next);
                if (next.getCause() != null) {
                    pending.add(next.getCause());
                }
                pending.addAll(List.of(next.getSuppressed()));
            }
        }
        return chain;
    }

    private static KeyStore read(String path, @Nullable String password) {
        File file = new File(path);
        String action = "Point PLUGBOARD_TRUST_STORE at a readable PKCS12 file of CA certificates and set "
                + "PLUGBOARD_TRUST_STORE_PASSWORD to its password, or leave both empty.";
        if (!file.isFile() || !file.canRead()) {
            throw new StartupProblem("The trust store " + path + " is not a readable file.", action);
        }
        try {
            KeyStore store = KeyStore.getInstance(file, password == null ? new char[0] : password.toCharArray());
            if (certificates(store) == 0) {
                throw new StartupProblem("The trust store " + path + " holds no certificate.", action);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupProblem("The trust store " + path + " cannot be read (wrong password, or not a "
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
    public static final class UntrustedCertificate extends CertificateException {
        UntrustedCertificate(CertificateException cause) {
            super("certificate not trusted", cause);
        }
    }

    /** The certificate is trusted but was issued for another host name. */
    public static final class CertificateForAnotherHost extends CertificateException {
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
            // the store that knows the CA may have refused for a reason worth telling (expired): keep that one
            CertificateException telling = refusals.stream()
                    .filter(refusal -> refusal(refusal).filter(Refusal.EXPIRED::equals).isPresent())
                    .findFirst().orElse(refusals.get(0));
            UntrustedCertificate untrusted = new UntrustedCertificate(telling);
            refusals.stream().filter(refusal -> refusal != telling).forEach(untrusted::addSuppressed);
            throw untrusted;
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
            throw new CertificateException("Plugboard's TLS connections are clients only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("Plugboard's TLS connections are clients only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Plugboard's TLS connections are clients only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegates.stream().flatMap(delegate -> Stream.of(delegate.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
