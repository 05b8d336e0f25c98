package app.plugboard.integration.imap;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Plugboard talks to IMAP and SMTP servers (the README's configuration table lists the
 * environment variables).
 *
 * @param connectTimeout     how long opening a connection may take
 * @param readTimeout        how long the server may stay silent while an answer is due
 * @param writeTimeout       how long one write may block
 * @param deadline           the most one check or mail operation may take in all
 * @param trustStore         a PKCS12 file of CA certificates trusted in addition to the JDK's (a
 *                           self-hosted server with its own CA); empty for none
 * @param trustStorePassword its password
 * @param debug              write the protocol conversation to the log (logins are left out)
 */
@ConfigurationProperties("plugboard.imap")
public record ImapProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("15s") Duration writeTimeout,
        @DefaultValue("30s") Duration deadline,
        @Nullable String trustStore,
        @Nullable String trustStorePassword,
        @DefaultValue("false") boolean debug) {

    public ImapProperties {
        for (Duration duration : new Duration[] {connectTimeout, readTimeout, writeTimeout, deadline}) {
            if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("plugboard.imap timeouts must be positive, such as 5s; got " + duration);
            }
        }
    }

    /** The defaults, without a trust store of the operator's. */
    public static ImapProperties defaults() {
        return new ImapProperties(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(30), null, null, false);
    }

    @Override
    public String toString() {
        return "ImapProperties[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout="
                + writeTimeout + ", deadline=" + deadline + ", trustStore=" + trustStore + ", trustStorePassword=***, debug="
                + debug + "]";
    }
}
