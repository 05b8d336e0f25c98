package app.plugboard.chat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Runs the slow part of a {@link Response.Later} on the bounded pool and hands over its message. */
@Component
public class SlowWork {

    public static final String BUSY = "Plugboard is very busy right now. Nothing was changed; try again in a minute.";

    private final ExecutorService executor;

    SlowWork(@Qualifier(ChatExecutors.SLOW) ExecutorService executor) {
        this.executor = executor;
    }

    /** {@code done} receives the work's message, or a "busy" message when the queue is full. */
    public void run(Response.Later later, Consumer<Message> done) {
        try {
            executor.execute(() -> done.accept(later.work().get()));
        } catch (RejectedExecutionException e) {
            done.accept(Message.text(BUSY));
        }
    }

    /** Whether nothing else is being worked on or waiting: work submitted now has the pool to itself. */
    public boolean idle() {
        return executor instanceof ThreadPoolExecutor pool && pool.getQueue().isEmpty() && pool.getActiveCount() == 0;
    }

    /** The work's message when it is done (a "busy" message at once when the queue is full). */
    public CompletableFuture<Message> submit(Response.Later later) {
        try {
            return CompletableFuture.supplyAsync(later.work(), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Message.text(BUSY));
        }
    }
}
