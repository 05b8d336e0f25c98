package app.plugboard.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public web port's own connection pool ({@link WebDatabase}).
 *
 * @param poolSize at most this many connections at once for what the web port does
 * @param maxWait  how long a web request waits for one of them before it is answered "busy" (503)
 */
@ConfigurationProperties("plugboard.web.database")
public record WebDatabaseProperties(int poolSize, Duration maxWait) {
}
