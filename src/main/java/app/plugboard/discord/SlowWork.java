package app.plugboard.discord;

import app.plugboard.chat.FirstAnswers;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Runs the slow part of a {@link Response.Later} on the bounded pool ({@link SlowWorkPool}) and hands
 * over its message, so JDA's threads never wait. Acknowledging comes first: while interactions that
 * came in before the work still wait for their acknowledgement (Discord allows three seconds), it is
 * held back briefly, so a burst is acknowledged before the CPU goes to rendering answers. Interactions
 * that come in after it do not hold it back: under steady traffic some acknowledgement is always
 * pending, and waiting for all of them would hold every piece of work for the longest wait. (The
 * terminal needs none of this: it runs slow work on its own thread, one line at a time.) When Plugboard
 * stops, work in flight gets until the stop's deadline to finish; whoever still waits then is told it
 * was stopped ({@link #stop}).
 */
@Component
class SlowWork implements FirstAnswers {

    static final String BUSY = "Plugboard is very busy right now. Nothing was changed; try again in a minute.";
    static final String RESTARTING = "Plugboard is restarting; nothing was changed. Try again in a minute.";
    static final String STOPPED = "Plugboard is restarting, so this was stopped before it finished. Try again in a minute.";
    static final String FAILED = "Something went wrong on our side, sorry. Try again in a moment.";
    static final Duration MOST_HELD_BACK = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(SlowWork.class);

    private final ExecutorService executor;
    private final ExecutorService checks;
    private volatile Acknowledgements acknowledgements = new Acknowledgements();
    /** Work handed to a pool whose message has not gone out yet. */
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * @param executor database answers
     * @param checks   work with a progress text, which reaches out to the network: apart, so a hung server holds up
     *                 no one's list
     */
    SlowWork(@Qualifier(SlowWorkPool.NAME) ExecutorService executor, @Qualifier(SlowWorkPool.CHECKS) ExecutorService checks) {
        this.executor = executor;
        this.checks = checks;
    }

    /** The router's count of the interactions waiting for their acknowledgement. */
    void holdBackFor(Acknowledgements pending) {
        this.acknowledgements = pending;
    }

    /** {@code done} receives the work's message, or a "busy" message when the queue is full. */
    void run(Response.Later later, Consumer<Message> done) {
        InFlight work = new InFlight(done, later.abandon());
        long mark = acknowledgements.mark();
        execute(later.progress() == null ? executor : checks, work, () -> afterAcknowledgements(mark, later.work()));
    }

    private Message afterAcknowledgements(long mark, Supplier<Message> work) {
        awaitPending(mark, MOST_HELD_BACK);
        return work.get();
    }

    /** For work outside the chat (the watch's checks): the same wait, from now. */
    @Override
    public void awaitPending(Duration atMost) {
        awaitPending(acknowledgements.mark(), atMost);
    }

    private void awaitPending(long mark, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (acknowledgements.pendingBefore(mark) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
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
        CompletableFuture<Message> result = new CompletableFuture<>();
        execute(executor, new InFlight(result::complete, later.abandon()), later.work());
        return result;
    }

    private void execute(ExecutorService pool, InFlight work, Supplier<Message> message) {
        if (stopping) {
            work.turnedAway(RESTARTING);
            return;
        }
        inFlight.add(work);
        try {
            work.running(pool.submit(() -> {
                try {
                    work.answer(message.get());
                } catch (RuntimeException e) { // the router's work never throws; sending its answer might
                    log.error("Slow work failed after it was taken", e);
                    work.turnedAway(FAILED);
                }
            }));
        } catch (RejectedExecutionException e) {
            work.turnedAway(stopping ? RESTARTING : BUSY);
        }
    }

    /**
     * Plugboard stops: no new work is taken ("restarting, try again"), work in flight (queued too) may finish until
     * {@code deadlineNanos} (its answer goes out as usual), and whoever still waits then is told it was stopped, and
     * what did not finish is cancelled (its thread interrupted). Its answers are sent before the stop goes on to log
     * out of Discord, which still delivers what was queued. The pools stay: a context that is only paused (as Spring's
     * tests pause the contexts they keep) takes work again after {@link #start()}; closing it shuts them.
     */
    void stop(long deadlineNanos) {
        stopping = true;
        while (!inFlight.isEmpty() && System.nanoTime() < deadlineNanos) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        List<InFlight> unfinished = List.copyOf(inFlight);
        if (!unfinished.isEmpty()) {
            log.warn("Stopping with {} answers still in the works (connection checks that take longer than the stop may); "
                    + "their people are told to try again.", unfinished.size());
        }
        unfinished.forEach(InFlight::stopped);
    }

    /** Takes work again after a {@link #stop}. */
    void start() {
        stopping = false;
    }

    /** One piece of work: its message goes out once, whichever comes first, the work's or a refusal. */
    private final class InFlight {

        private final AtomicBoolean answered = new AtomicBoolean();
        private final Consumer<Message> done;
        private final Runnable abandon;
        private volatile @Nullable Future<?> running;

        InFlight(Consumer<Message> done, Runnable abandon) {
            this.done = done;
            this.abandon = abandon;
        }

        void answer(Message message) {
            if (answered.compareAndSet(false, true)) {
                inFlight.remove(this);
                done.accept(message);
            }
        }

        void running(Future<?> future) {
            running = future;
        }

        /** A stop will not wait for it any longer: the person is told, and it is cancelled. */
        void stopped() {
            turnedAway(STOPPED);
            Future<?> future = running;
            if (future != null) {
                future.cancel(true);
            }
        }

        /** It never ran, or will not be waited for: what was counted for it is given back, and the person told. */
        void turnedAway(String why) {
            if (answered.compareAndSet(false, true)) {
                inFlight.remove(this);
                abandon.run();
                done.accept(Message.text(why));
            }
        }
    }
}
