package app.plugboard.integration.imap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Plugboard talks to IMAP and SMTP servers (the README's configuration table lists the
 * environment variables). The trust store is {@link app.plugboard.net.TlsProperties}, shared with
 * calendars; its older names under {@code plugboard.imap} are read there.
 *
 * @param connectTimeout     how long opening a connection may take
 * @param readTimeout        how long the server may stay silent while an answer is due
 * @param writeTimeout       how long one write may block
 * @param deadline           the most one check or mail operation may take in all
 * @param debug              write the protocol conversation to the log (logins are left out)
 */
@ConfigurationProperties("plugboard.imap")
public record ImapProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("15s") Duration writeTimeout,
        @DefaultValue("30s") Duration deadline,
        @DefaultValue("false") boolean debug) {

    public ImapProperties {
        for (Duration duration : new Duration[] {connectTimeout, readTimeout, writeTimeout, deadline}) {
            if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("plugboard.imap timeouts must be positive, such as 5s; got " + duration);
            }
        }
    }

    /** The defaults. */
    public static ImapProperties defaults() {
        return new ImapProperties(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(30), false);
    }
}
