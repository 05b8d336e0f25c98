package app.plugboard.chat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
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
}
