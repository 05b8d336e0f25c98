package app.plugboard.discord;

import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs the slow part of a {@link Response.Later} on the bounded pool ({@link SlowWorkPool}) and hands
 * over its message, so JDA's threads never wait. Acknowledging comes first: while interactions that
 * came in before the work still wait for their acknowledgement (Discord allows three seconds), it is
 * held back briefly, so a burst is acknowledged before the CPU goes to rendering answers. Interactions
 * that come in after it do not hold it back: under steady traffic some acknowledgement is always
 * pending, and waiting for all of them would hold every piece of work for the longest wait. (The
 * terminal needs none of this: it runs slow work on its own thread, one line at a time.)
 */
@Component
class SlowWork {

    static final String BUSY = "Plugboard is very busy right now. Nothing was changed; try again in a minute.";
    static final Duration MOST_HELD_BACK = Duration.ofMillis(500);

    private final ExecutorService executor;
    private volatile Acknowledgements acknowledgements = new Acknowledgements();

    SlowWork(@Qualifier(SlowWorkPool.NAME) ExecutorService executor) {
        this.executor = executor;
    }

    /** The router's count of the interactions waiting for their acknowledgement. */
    void holdBackFor(Acknowledgements pending) {
        this.acknowledgements = pending;
    }

    /** {@code done} receives the work's message, or a "busy" message when the queue is full. */
    void run(Response.Later later, Consumer<Message> done) {
        try {
            long mark = acknowledgements.mark();
            executor.execute(() -> done.accept(afterAcknowledgements(mark, later.work())));
        } catch (RejectedExecutionException e) {
            later.abandon().run();
            done.accept(Message.text(BUSY));
        }
    }

    private Message afterAcknowledgements(long mark, Supplier<Message> work) {
        long deadline = System.nanoTime() + MOST_HELD_BACK.toNanos();
        while (acknowledgements.pendingBefore(mark) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        return work.get();
    }

    /** Whether nothing else is being worked on or waiting: work submitted now has the pool to itself. */
    boolean idle() {
        return executor instanceof ThreadPoolExecutor pool && pool.getQueue().isEmpty() && pool.getActiveCount() == 0;
    }

    /**
     * The work's message when it is done (a "busy" message at once when the queue is full). Not held
     * back: this is for an idle pool racing to be the answer itself.
     */
    CompletableFuture<Message> submit(Response.Later later) {
        try {
            return CompletableFuture.supplyAsync(later.work(), executor);
        } catch (RejectedExecutionException e) {
            later.abandon().run();
            return CompletableFuture.completedFuture(Message.text(BUSY));
        }
    }
}
