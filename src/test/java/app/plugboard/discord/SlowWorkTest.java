package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slow work")
class SlowWorkTest {

    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final SlowWork slowWork = new SlowWork(pool);
    final Acknowledgements acknowledgements = new Acknowledgements();

    @BeforeEach
    void countAcknowledgements() {
        slowWork.holdBackFor(acknowledgements);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("waits while acknowledgements are pending, and starts as soon as they are done")
    void acknowledgementsFirst() throws Exception {
        acknowledgements.received();
        CompletableFuture<Message> done = new CompletableFuture<>();

        slowWork.run(Response.later(() -> Message.text("rendered")), done::complete);

        Thread.sleep(100);
        assertThat(done).isNotDone();
        acknowledgements.ended();
        assertThat(done.get(1, TimeUnit.SECONDS).text()).isEqualTo("rendered");
    }

    @Test
    @DisplayName("does not wait for interactions that came in after it: under steady traffic, where some acknowledgement is "
            + "always pending, work is not held back half a second each time")
    void notHeldBackByLaterInteractions() throws Exception {
        // GIVEN the pool's threads busy, and work queued behind them while no acknowledgement is pending
        CountDownLatch busy = new CountDownLatch(1);
        pool.execute(() -> await(busy));
        pool.execute(() -> await(busy));
        CompletableFuture<Message> done = new CompletableFuture<>();
        slowWork.run(Response.later(() -> Message.text("rendered")), done::complete);
        // AND an interaction that came in after it, whose acknowledgement stays pending
        acknowledgements.received();

        // WHEN the pool's threads are free
        long freed = System.nanoTime();
        busy.countDown();

        // THEN the work runs at once, not after half a second
        assertThat(done.get(3, TimeUnit.SECONDS).text()).isEqualTo("rendered");
        assertThat(Duration.ofNanos(System.nanoTime() - freed)).isLessThan(SlowWork.MOST_HELD_BACK);
    }

    @Test
    @DisplayName("never waits longer than half a second, whatever is pending")
    void boundedWait() throws Exception {
        acknowledgements.received();
        CompletableFuture<Message> done = new CompletableFuture<>();
        long started = System.nanoTime();

        slowWork.run(Response.later(() -> Message.text("rendered")), done::complete);

        assertThat(done.get(3, TimeUnit.SECONDS).text()).isEqualTo("rendered");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(SlowWork.MOST_HELD_BACK, Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("racing to be the answer itself is not held back")
    void raceNotHeldBack() throws Exception {
        acknowledgements.received();

        Message message = slowWork.submit(Response.later(() -> Message.text("at once"))).get(200, TimeUnit.MILLISECONDS);

        assertThat(message.text()).isEqualTo("at once");
    }

    @Test
    @DisplayName("work a full queue turns away is answered \"busy\" and abandoned, so nothing stays counted for it")
    void turnedAwayIsAbandoned() {
        ExecutorService full = Executors.newSingleThreadExecutor();
        full.shutdown();
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<Message> done = new CompletableFuture<>();

        new SlowWork(full).run(new Response.Later(Message.text("Checking…"), false, () -> Message.text("ran"),
                () -> abandoned.set(true)), done::complete);

        assertThat(done.join().text()).isEqualTo(SlowWork.BUSY);
        assertThat(abandoned).isTrue();
    }
}
