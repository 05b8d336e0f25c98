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
    final ExecutorService checks = Executors.newFixedThreadPool(1);
    final SlowWork slowWork = new SlowWork(pool, checks);
    final Acknowledgements acknowledgements = new Acknowledgements();

    @BeforeEach
    void countAcknowledgements() {
        slowWork.holdBackFor(acknowledgements);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        checks.shutdownNow();
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
    @DisplayName("work outside the chat (the watch's checks) waits the same way: for the acknowledgements pending when it "
            + "asked, at most as long as it said")
    void otherWorkWaitsForFirstAnswers() throws Exception {
        // GIVEN an interaction waiting for its acknowledgement
        acknowledgements.received();

        // WHEN a check asks to go after it THEN it waits until the acknowledgement ended
        CompletableFuture<Void> check = CompletableFuture.runAsync(() -> slowWork.awaitPending(Duration.ofSeconds(5)));
        Thread.sleep(100);
        assertThat(check).isNotDone();
        acknowledgements.ended();
        check.get(1, TimeUnit.SECONDS);

        // WHEN one stays pending THEN a check waits no longer than it said
        acknowledgements.received();
        long started = System.nanoTime();
        slowWork.awaitPending(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("racing to be the answer itself is not held back")
    void raceNotHeldBack() throws Exception {
        acknowledgements.received();

        Message message = slowWork.submit(Response.later(() -> Message.text("at once"))).get(200, TimeUnit.MILLISECONDS);

        assertThat(message.text()).isEqualTo("at once");
    }

    @Test
    @DisplayName("a connection check runs on a pool of its own: while checks hang, database answers still run at once")
    void checksApart() throws Exception {
        // GIVEN the only check worker hangs on a server that does not answer
        CompletableFuture<Void> serverAnswers = new CompletableFuture<>();
        CompletableFuture<Message> check = new CompletableFuture<>();
        slowWork.run(Response.later("Checking…", () -> {
            serverAnswers.join();
            return Message.text("checked");
        }), check::complete);

        // WHEN two database answers come THEN they run at once, on the other pool
        CompletableFuture<Message> list = new CompletableFuture<>();
        CompletableFuture<Message> prompt = new CompletableFuture<>();
        slowWork.run(Response.later(() -> Message.text("your list")), list::complete);
        slowWork.run(Response.later(() -> Message.text("delete it?")), prompt::complete);
        assertThat(list.get(1, TimeUnit.SECONDS).text()).isEqualTo("your list");
        assertThat(prompt.get(1, TimeUnit.SECONDS).text()).isEqualTo("delete it?");
        assertThat(check).isNotDone();
        serverAnswers.complete(null);
        assertThat(check.get(1, TimeUnit.SECONDS).text()).isEqualTo("checked");
    }

    @Test
    @DisplayName("a stop lets work finish until its deadline, tells whoever still waits (once), and turns new work away")
    void stopsGracefully() throws Exception {
        // GIVEN a database answer that takes 100 ms, and a check on a server that never answers
        CompletableFuture<Message> quick = new CompletableFuture<>();
        CompletableFuture<Message> hung = new CompletableFuture<>();
        AtomicBoolean hungAbandoned = new AtomicBoolean();
        slowWork.run(Response.later(() -> {
            sleep(100);
            return Message.text("your list");
        }), quick::complete);
        slowWork.run(new Response.Later(Message.text("Checking…"), false, () -> {
            sleep(10_000);
            return Message.text("checked");
        }, () -> hungAbandoned.set(true)), hung::complete);

        // WHEN Plugboard stops, with half a second for the work in flight
        long started = System.nanoTime();
        slowWork.stop(started + Duration.ofMillis(500).toNanos());

        // THEN the quick one finished as usual, the hung one was told and given back, within the deadline
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(quick.get(1, TimeUnit.SECONDS).text()).isEqualTo("your list");
        assertThat(hung.get(1, TimeUnit.SECONDS).text()).isEqualTo(SlowWork.STOPPED);
        assertThat(hungAbandoned).isTrue();
        // AND work that comes now is turned away, saying so
        CompletableFuture<Message> late = new CompletableFuture<>();
        slowWork.run(Response.later(() -> Message.text("too late")), late::complete);
        assertThat(late.get(1, TimeUnit.SECONDS).text()).isEqualTo(SlowWork.RESTARTING);
        // AND once started again (a paused context), it takes work as before
        slowWork.start();
        CompletableFuture<Message> again = new CompletableFuture<>();
        slowWork.run(Response.later(() -> Message.text("again")), again::complete);
        assertThat(again.get(1, TimeUnit.SECONDS).text()).isEqualTo("again");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("work a full queue turns away is answered \"busy\" and abandoned, so nothing stays counted for it")
    void turnedAwayIsAbandoned() {
        ExecutorService full = Executors.newSingleThreadExecutor();
        full.shutdown();
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<Message> done = new CompletableFuture<>();

        new SlowWork(full, full).run(new Response.Later(Message.text("Checking…"), false, () -> Message.text("ran"),
                () -> abandoned.set(true)), done::complete);

        assertThat(done.join().text()).isEqualTo(SlowWork.BUSY);
        assertThat(abandoned).isTrue();
    }
}
