package app.plugboard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Thread pools")
class ThreadPoolsTest {

    @Test
    @DisplayName("threads are daemons named after their pool, numbered from 1")
    void namedDaemons() {
        // GIVEN a thread factory for the "chat-work-" pool
        var factory = ThreadPools.daemonThreads("chat-work-");

        // WHEN it makes two threads
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });

        // THEN they are daemons (they never keep Plugboard running) and say whose they are
        assertThat(first.getName()).isEqualTo("chat-work-1");
        assertThat(second.getName()).isEqualTo("chat-work-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    @DisplayName("a bounded pool runs at most its threads, queues at most its queue, and hands the rest to its policy")
    void bounded() throws Exception {
        // GIVEN a pool of one thread and a queue of one, refusing beyond
        ThreadPoolExecutor pool = ThreadPools.bounded("test-pool-", 1, 1, new ThreadPoolExecutor.AbortPolicy());
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<String> running = new CompletableFuture<>();
            pool.execute(() -> {
                running.complete(Thread.currentThread().getName());
                await(release);
            });
            pool.execute(() -> { });

            // WHEN a third task comes while one runs and one waits
            // THEN it is refused, and the running one is on the pool's own daemon thread
            assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("test-pool-1");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
            // AND idle threads end after a minute, so a quiet Plugboard holds none
            assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
            assertThat(pool.getKeepAliveTime(TimeUnit.SECONDS)).isEqualTo(60);
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("a pool that lets the caller run what does not fit runs it on the caller's thread")
    void callerRuns() {
        // GIVEN a full pool whose policy is "the caller runs it"
        ThreadPoolExecutor pool = ThreadPools.bounded("test-pool-", 1, 1, new ThreadPoolExecutor.CallerRunsPolicy());
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> await(release));
            pool.execute(() -> { });

            // WHEN one more task comes
            String[] ranOn = new String[1];
            pool.execute(() -> ranOn[0] = Thread.currentThread().getName());

            // THEN it ran at once, on this thread, rather than being dropped
            assertThat(ranOn[0]).isEqualTo(Thread.currentThread().getName());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
