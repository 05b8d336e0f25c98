package app.plugboard.chat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A database read that must not hold up a first answer that cannot be deferred (a form, an
 * autocomplete): it gets a short deadline, and the answer goes on without it when it is late.
 */
@Component
public class QuickRead {

    private final ExecutorService executor;
    private final Duration deadline;

    QuickRead(@Qualifier(ChatExecutors.QUICK) ExecutorService executor, ChatProperties properties) {
        this.executor = executor;
        this.deadline = properties.quickReadDeadline();
    }

    /**
     * The value, or empty when it took longer than the deadline or the executor is full. Domain
     * refusals (not found and the like) are thrown as they are.
     */
    public <T> Optional<T> within(Supplier<T> read) {
        CompletableFuture<T> future;
        try {
            future = CompletableFuture.supplyAsync(LogContext.carried(read), executor);
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
