package app.plugboard.discord;

import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs the slow part of a {@link Response.Later} on the bounded pool ({@link SlowWorkPool}) and hands
 * over its message, so JDA's threads never wait. Acknowledging comes first: while interactions still
 * wait for their acknowledgement (Discord allows three seconds), slow work is held back briefly, so
 * a burst is acknowledged before the CPU goes to rendering answers. (The terminal needs none of
 * this: it runs slow work on its own thread, one line at a time.)
 */
@Component
class SlowWork {

    static final String BUSY = "Plugboard is very busy right now. Nothing was changed; try again in a minute.";
    static final Duration MOST_HELD_BACK = Duration.ofMillis(500);

    private final ExecutorService executor;
    private final ExecutorService checks;
    private final List<BooleanSupplier> acknowledgementsPending = new CopyOnWriteArrayList<>();

    /**
     * @param executor database answers
     * @param checks   work with a progress text, which reaches out to the network: apart, so a hung server holds up
     *                 no one's list
     */
    SlowWork(@Qualifier(SlowWorkPool.NAME) ExecutorService executor, @Qualifier(SlowWorkPool.CHECKS) ExecutorService checks) {
        this.executor = executor;
        this.checks = checks;
    }

    /** The router says when it has interactions waiting for their acknowledgement. */
    void holdBackWhile(BooleanSupplier pending) {
        acknowledgementsPending.add(pending);
    }

    /** {@code done} receives the work's message, or a "busy" message when the queue is full. */
    void run(Response.Later later, Consumer<Message> done) {
        try {
            (later.progress() == null ? executor : checks).execute(() -> done.accept(afterAcknowledgements(later.work())));
        } catch (RejectedExecutionException e) {
            later.abandon().run();
            done.accept(Message.text(BUSY));
        }
    }

    private Message afterAcknowledgements(Supplier<Message> work) {
        long deadline = System.nanoTime() + MOST_HELD_BACK.toNanos();
        while (acknowledgementsPending.stream().anyMatch(BooleanSupplier::getAsBoolean) && System.nanoTime() < deadline) {
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
