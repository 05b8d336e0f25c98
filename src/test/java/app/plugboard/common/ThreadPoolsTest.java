package app.plugboard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
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
    @DisplayName("a low-priority pool (the watch's) runs its tasks on daemon threads at the lowest priority; a thread one of "
            + "its tasks starts, as a library does on its first task, gets the normal priority back when the task ends")
    void lowPriority() throws Exception {
        // GIVEN a low-priority pool
        ThreadPoolExecutor pool = ThreadPools.lowPriority("test-background-", 1);
        CountDownLatch libraryDone = new CountDownLatch(1);
        CountDownLatch taskDone = new CountDownLatch(1);
        try {
            // WHEN one of its tasks starts a thread (which takes its maker's priority)
            CompletableFuture<Thread> ranOn = new CompletableFuture<>();
            CompletableFuture<Thread> started = new CompletableFuture<>();
            pool.execute(() -> {
                ranOn.complete(Thread.currentThread());
                Thread library = new Thread(() -> await(libraryDone), "OkHttp TaskRunner");
                library.setDaemon(true);
                library.start();
                started.complete(library);
                await(taskDone);
            });
            Thread library = started.get(5, TimeUnit.SECONDS);
            assertThat(library.getPriority()).as("while the task runs").isEqualTo(Thread.MIN_PRIORITY);
            taskDone.countDown();

            // THEN the task ran on the pool's daemon thread at the lowest priority, and once it ended the library's thread
            // has the normal priority again
            assertThat(ranOn.get(5, TimeUnit.SECONDS).getName()).isEqualTo("test-background-1");
            assertThat(ranOn.get().isDaemon()).isTrue();
            assertThat(ranOn.get().getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> library.getPriority() == Thread.NORM_PRIORITY);
            assertThat(ranOn.get().getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        } finally {
            libraryDone.countDown();
            taskDone.countDown();
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("an ordinary pool's threads have the normal priority, even when a low-priority thread made them")
    void ordinaryPoolsNormalPriority() throws Exception {
        ThreadPoolExecutor background = ThreadPools.lowPriority("test-background-", 1);
        try {
            CompletableFuture<Thread> made = new CompletableFuture<>();
            background.execute(() -> made.complete(ThreadPools.daemonThreads("watch-notice-").newThread(() -> { })));
            assertThat(made.get(5, TimeUnit.SECONDS).getPriority()).isEqualTo(Thread.NORM_PRIORITY);
        } finally {
            background.shutdown();
        }
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
