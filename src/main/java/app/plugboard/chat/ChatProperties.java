package app.plugboard.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workers threads that run slow work in Discord off its event threads, in each of two pools: connection checks,
 *                and database answers (lists, writes), so a hung server never holds up a list
 * @param queue slow work waiting for a thread; beyond it, "busy, try again"
 * @param quickReadDeadline how long a first answer that cannot be deferred waits for the database
 */
@ConfigurationProperties("plugboard.chat")
public record ChatProperties(int workers, int queue, Duration quickReadDeadline) {
}
