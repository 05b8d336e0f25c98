package app.plugboard.discord;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A graceful stop (SIGTERM) with the chat's slow work in flight: it stops among the first, beside the watch and
 * before Discord is logged out of, and gives that work {@code PLUGBOARD_SHUTDOWN_TIMEOUT} less a moment to finish;
 * the moment is for telling whoever still waits that it was stopped ({@link SlowWork#stop}). It runs on a thread of
 * its own, so the watch's stop waits at the same time, not after it.
 */
@Component
class SlowWorkShutdown implements SmartLifecycle {

    /** Kept from the timeout for the last answers to leave. */
    static final Duration LAST_ANSWERS = Duration.ofSeconds(1);

    private final SlowWork slowWork;
    private final Duration timeout;
    private volatile boolean running;

    SlowWorkShutdown(SlowWork slowWork, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
        this.slowWork = slowWork;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        slowWork.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        slowWork.stop(deadline());
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        long deadline = deadline();
        Thread stopping = new Thread(() -> {
            try {
                slowWork.stop(deadline);
            } finally {
                callback.run();
            }
        }, "chat-stop");
        stopping.setDaemon(true);
        stopping.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private long deadline() {
        Duration kept = LAST_ANSWERS.compareTo(timeout.dividedBy(4)) < 0 ? LAST_ANSWERS : timeout.dividedBy(4);
        return System.nanoTime() + timeout.minus(kept).toNanos();
    }
}
