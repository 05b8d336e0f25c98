package app.plugboard.net;

import app.plugboard.common.StartupProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Loads the operator's trust store once, for everything: {@code PLUGBOARD_TRUST_STORE} (+ {@code _PASSWORD}),
 * or the older names {@code PLUGBOARD_IMAP_TRUST_STORE} (+ {@code _PASSWORD}), still accepted with a
 * warning. Both set to different stores stops the start: which one was meant is not for Plugboard to guess.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TlsConfiguration.class);
    static final String LEGACY_PREFIX = "plugboard.imap.";

    @Bean
    TlsTrust tlsTrust(TlsProperties properties, Environment environment) {
        Binder binder = Binder.get(environment);
        TlsProperties legacy = new TlsProperties(
                binder.bind(LEGACY_PREFIX + "trust-store", String.class).orElse(null),
                binder.bind(LEGACY_PREFIX + "trust-store-password", String.class).orElse(null));
        return trust(effective(properties, legacy));
    }

    /**
     * The store to use: the current names win; the legacy ones fill in what they leave empty.
     *
     * @throws StartupProblem when both name a store (or a password) and they differ
     */
    static TlsProperties effective(TlsProperties current, TlsProperties legacy) {
        String store = blankToNull(current.trustStore());
        String password = blankToNull(current.trustStorePassword());
        String legacyStore = blankToNull(legacy.trustStore());
        String legacyPassword = blankToNull(legacy.trustStorePassword());
        String action = "Keep PLUGBOARD_TRUST_STORE and PLUGBOARD_TRUST_STORE_PASSWORD (one trust store for mail and "
                + "calendars) and remove PLUGBOARD_IMAP_TRUST_STORE and PLUGBOARD_IMAP_TRUST_STORE_PASSWORD.";
        if (store != null && legacyStore != null && !store.equals(legacyStore)) {
            throw new StartupProblem("PLUGBOARD_TRUST_STORE (" + store + ") and the deprecated PLUGBOARD_IMAP_TRUST_STORE ("
                    + legacyStore + ") name different trust stores.", action);
        }
        if (password != null && legacyPassword != null && !password.equals(legacyPassword)) {
            throw new StartupProblem("PLUGBOARD_TRUST_STORE_PASSWORD and the deprecated PLUGBOARD_IMAP_TRUST_STORE_PASSWORD "
                    + "are set to different passwords.", action);
        }
        if (legacyStore != null || legacyPassword != null) {
            log.warn("PLUGBOARD_IMAP_TRUST_STORE and PLUGBOARD_IMAP_TRUST_STORE_PASSWORD are deprecated: the trust store now "
                    + "serves calendars and Gmail too. Rename them to PLUGBOARD_TRUST_STORE and PLUGBOARD_TRUST_STORE_PASSWORD.");
        }
        return new TlsProperties(store != null ? store : legacyStore, password != null ? password : legacyPassword);
    }

    static TlsTrust trust(TlsProperties settings) {
        if (settings.trustStore() == null) {
            return TlsTrust.jdkOnly();
        }
        TlsTrust trust = TlsTrust.load(settings.trustStore(), settings.trustStorePassword());
        log.info("Connections to mail and calendar servers and to Gmail trust the JDK's CAs and {} certificate(s) from {}",
                trust.operatorCertificates(), settings.trustStore());
        return trust;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
