package app.plugboard.net;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's trust store, for every server a person names (mail, calendars) and Gmail's IMAP.
 *
 * @param trustStore         a PKCS12 file of CA certificates trusted in addition to the JDK's (a
 *                           self-hosted server with its own CA); empty for none
 * @param trustStorePassword its password
 */
@ConfigurationProperties("plugboard.tls")
public record TlsProperties(@Nullable String trustStore, @Nullable String trustStorePassword) {

    @Override
    public String toString() {
        return "TlsProperties[trustStore=" + trustStore + ", trustStorePassword=***]";
    }
}
