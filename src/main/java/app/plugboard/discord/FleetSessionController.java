package app.plugboard.discord;

import app.plugboard.common.ThreadPools;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's session controller for a fleet: shards start (IDENTIFY) in turns that every Plugboard on the database
 * shares, so a fleet restart stays within Discord's limit of one IDENTIFY per 5 seconds in each rate-limit
 * bucket ({@code shard_id % max_concurrency}). As JDA's {@code ConcurrentSessionController} does within one
 * process: one queue and one thread per bucket, buckets in parallel, each turn followed by the spacing; the
 * turn itself is taken through {@link IdentifyTurns}. Resuming a session needs no turn (JDA does not ask).
 */
class FleetSessionController extends SessionControllerAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetSessionController.class);

    /** Discord's spacing between two IDENTIFYs of one bucket. */
    static final Duration SPACING = Duration.ofSeconds(IDENTIFY_DELAY);

    private final IdentifyTurns turns;
    private final @Nullable String gatewayUrl;
    private final ThreadFactory threads = ThreadPools.daemonThreads("discord-identify-");
    private final Map<Integer, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile int concurrency = 1;
    private volatile boolean closed;

    /** @param gatewayUrl the gateway to connect to instead of the one Discord names; only tests set it */
    FleetSessionController(IdentifyTurns turns, @Nullable String gatewayUrl) {
        this.turns = turns;
        this.gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? null : gatewayUrl;
    }

    /** Discord's {@code max_concurrency} for the bot, from {@code GET /gateway/bot}. */
    @Override
    public void setConcurrency(int level) {
        concurrency = Math.max(1, level);
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        removeSession(node);
        int bucket = node.getShardInfo().getShardId() % concurrency;
        buckets.computeIfAbsent(bucket, Bucket::new).enqueue(node);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        buckets.values().forEach(bucket -> bucket.queue.remove(node));
    }

    @Override
    public String getGateway() {
        return gatewayUrl != null ? gatewayUrl : super.getGateway();
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway gateway = super.getShardedGateway(api);
        return gatewayUrl == null ? gateway : new ShardedGateway(gatewayUrl, gateway.getShardTotal(), gateway.getConcurrency());
    }

    /** Stops taking turns: a turn in progress ends (its lock with it), queued shards stay unconnected. */
    @Override
    public void close() {
        closed = true;
        buckets.values().forEach(Bucket::interrupt);
    }

    private static long botId(SessionConnectNode node) {
        try {
            return node.getJDA().getSelfUser().getIdLong();
        } catch (IllegalStateException notLoggedInYet) {
            return 0;
        }
    }

    /** The shards of one rate-limit bucket waiting to identify, and the thread that works through them. */
    private final class Bucket implements Runnable {

        private final int id;
        private final Queue<SessionConnectNode> queue = new ConcurrentLinkedQueue<>();
        private @Nullable Thread thread;

        Bucket(int id) {
            this.id = id;
        }

        void enqueue(SessionConnectNode node) {
            queue.add(node);
            start();
        }

        private synchronized void start() {
            if (thread == null && !closed) {
                thread = threads.newThread(this);
                thread.start();
            }
        }

        private synchronized void stopped() {
            thread = null;
            if (!queue.isEmpty()) {
                start();
            }
        }

        synchronized void interrupt() {
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public void run() {
            try {
                SessionConnectNode node;
                while (!closed && (node = queue.poll()) != null) {
                    SessionConnectNode next = node;
                    turns.inTurn(botId(next), id, SPACING, () -> connect(next));
                }
            } catch (InterruptedException e) {
                log.debug("Stopped taking turns to connect to Discord (bucket {})", id);
            } finally {
                stopped();
            }
        }

        private void connect(SessionConnectNode node) throws InterruptedException {
            try {
                log.debug("Shard {} connects to Discord", node.getShardInfo());
                node.run(false);
            } catch (InterruptedException e) {
                queue.add(node);
                throw e;
            } catch (IllegalStateException | ErrorResponseException e) {
                log.warn("Shard {} could not connect to Discord ({}); it tries again in its next turn",
                        node.getShardInfo(), e.toString());
                queue.add(node);
            }
        }
    }
}
