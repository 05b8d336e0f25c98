package app.plugboard.discord;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The interactions received whose first answer (their acknowledgement) Discord has not confirmed yet,
 * counted as they come in and as their acknowledgement ends, accepted or not. {@link SlowWork} reads it to
 * let acknowledgements go first.
 */
final class Acknowledgements {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();

    /** An interaction came in: its acknowledgement is due. */
    void received() {
        received.incrementAndGet();
    }

    /** An acknowledgement ended: Discord has it, or it failed. */
    void ended() {
        ended.incrementAndGet();
    }

    /** This moment, for {@link #pendingBefore}: how many interactions had come in by now. */
    long mark() {
        return received.get();
    }

    /**
     * Whether the acknowledgement of an interaction received by {@code mark} may still be pending: fewer have
     * ended than had come in by then. Interactions that came in since do not count, so under steady traffic,
     * where some acknowledgement is always pending, work waits only for those ahead of it. (Acknowledgements
     * may end out of order: one that came in later may stand in for one that came earlier, briefly.)
     */
    boolean pendingBefore(long mark) {
        return ended.get() < mark;
    }
}
