package app.plugboard.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workers threads that run slow work in Discord off its event threads: database answers (lists, writes) on this
 *                many, connection checks, which mostly wait on servers, on four times as many, apart
 * @param queue slow work waiting for a thread; beyond it, "busy, try again"
 * @param quickReadDeadline how long a first answer that cannot be deferred waits for the database
 */
@ConfigurationProperties("plugboard.chat")
public record ChatProperties(int workers, int queue, Duration quickReadDeadline) {
}
