package app.plugboard.discord;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's direct messages, from every Plugboard on the database together, within Discord's global rate limit
 * (50 requests a second for a bot; a direct message takes two: opening the channel, then the message). One token
 * bucket per bot in PostgreSQL (Bucket4j's proxy manager, a row locked for each take): {@code perSecond} messages
 * a second, at most a third of that at once, so no second ever holds more than {@code 4/3 perSecond}. A sender
 * waits for its turn, at most {@code maxWait}; without the database it sends anyway (JDA still obeys Discord's
 * 429s), so the budget never loses a message.
 */
class DirectMessageBudget {

    private static final Logger log = LoggerFactory.getLogger(DirectMessageBudget.class);

    /** How long a sender waits for its share at most; a notice not sent by then is tried again later. */
    static final Duration MOST_WAITED = Duration.ofSeconds(10);

    private final ProxyManager<Long> buckets;
    private final BucketConfiguration configuration;
    private final Duration maxWait;

    DirectMessageBudget(DataSource dataSource, int perSecond, Duration maxWait) {
        int rate = Math.max(1, perSecond);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .table("discord_rate_budget")
                .idColumn("id")
                .stateColumn("state")
                .build();
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(Math.max(1, rate / 3)).refillGreedy(rate, Duration.ofSeconds(1)))
                .build();
        this.maxWait = maxWait;
    }

    /**
     * Waits until the bot may send one more direct message, at most {@code maxWait}.
     *
     * @return false when the wait was too long: the caller reports the message as not sent (it is tried again)
     */
    boolean take(long botId) throws InterruptedException {
        BucketProxy bucket = buckets.builder().build(botId, () -> configuration);
        try {
            return bucket.asBlocking().tryConsume(1, maxWait);
        } catch (RuntimeException e) {
            log.warn("Could not take from the direct-message budget in the database ({}); sending without it", e.toString());
            return true;
        }
    }
}
