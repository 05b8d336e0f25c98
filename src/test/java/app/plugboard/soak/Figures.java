package app.plugboard.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated people saw, counted as they go: each interaction sent, whether Discord's three
 * seconds held for its first answer, the times to that first callback and to the final answer (by
 * what the interaction was), and every answer that was an error, with the first few in words.
 * Safe for all the people's threads at once.
 */
final class Figures {

    static final int SAMPLES_KEPT = 40;

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> flows = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errorsByWhat = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong directMessages = new AtomicLong();
    private final AtomicLong withoutSuggestions = new AtomicLong();

    /** The interactions of one kind ("/integration add", "button int:check"...): how many, and how fast. */
    static final class Kind {
        final AtomicLong count = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Latencies first = new Latencies();
        final Latencies answered = new Latencies();
    }

    void countSent() {
        sent.incrementAndGet();
    }

    void acknowledged(String kind, long firstMicros) {
        acknowledged.incrementAndGet();
        Kind figures = kind(kind);
        figures.count.incrementAndGet();
        figures.first.add(firstMicros);
    }

    void missed(String kind, String what) {
        missed.incrementAndGet();
        kind(kind).count.incrementAndGet();
        error(kind, "not acknowledged within 3 s", what);
    }

    void answered(String kind, long finalMicros) {
        kind(kind).answered.add(finalMicros);
    }

    /** An answer that was an error, or not what the person had to expect. */
    void error(String kind, String what, String detail) {
        errors.incrementAndGet();
        kind(kind).errors.incrementAndGet();
        errorsByWhat.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
        if (errorSamples.size() < SAMPLES_KEPT) {
            errorSamples.add(kind + ": " + what + ": " + detail);
        }
    }

    /** A whole conversation of this name ran (to its end, or to an error). */
    void flow(String name) {
        flows.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
    }

    void directMessages(int count) {
        directMessages.addAndGet(count);
    }

    /** Autocomplete answered without suggestions (the database slower than the quick-read deadline). */
    void withoutSuggestions() {
        withoutSuggestions.incrementAndGet();
    }

    long withoutSuggestionsCount() {
        return withoutSuggestions.get();
    }

    /** Autocomplete interactions sent. */
    long autocompleteCount() {
        return kinds.entrySet().stream().filter(kind -> kind.getKey().startsWith("autocomplete"))
                .mapToLong(kind -> kind.getValue().count.get()).sum();
    }

    long sentCount() {
        return sent.get();
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    long missedCount() {
        return missed.get();
    }

    long errorCount() {
        return errors.get();
    }

    long directMessageCount() {
        return directMessages.get();
    }

    Map<String, Integer> flows() {
        Map<String, Integer> counts = new TreeMap<>();
        flows.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    Map<String, Integer> errorsByWhat() {
        Map<String, Integer> counts = new TreeMap<>();
        errorsByWhat.forEach((what, count) -> counts.put(what, count.get()));
        return counts;
    }

    List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    Map<String, Kind> kinds() {
        return new TreeMap<>(kinds);
    }

    /** Every interaction's time to its first callback, all kinds together. */
    Latencies allFirst() {
        Latencies all = new Latencies();
        kinds.values().forEach(kind -> all.addAll(kind.first));
        return all;
    }

    /** Every interaction's time to its final answer, all kinds together. */
    Latencies allAnswered() {
        Latencies all = new Latencies();
        kinds.values().forEach(kind -> all.addAll(kind.answered));
        return all;
    }

    private Kind kind(String name) {
        return kinds.computeIfAbsent(name, key -> new Kind());
    }

    /** Durations in microseconds, kept whole (a long soak holds some hundred thousand). */
    static final class Latencies {
        private long[] values = new long[256];
        private int size;

        synchronized void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }

        void addAll(Latencies other) {
            long[] copy = other.snapshot();
            for (long value : copy) {
                add(value);
            }
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(values, size);
        }

        synchronized int size() {
            return size;
        }

        /** The value below which {@code percent} of them lie (nearest rank), in milliseconds; 0 when none. */
        double percentileMillis(double percent) {
            long[] sorted = snapshot();
            if (sorted.length == 0) {
                return 0;
            }
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        }

        double maxMillis() {
            return percentileMillis(100);
        }

        /** "p50 12 ms · p99 340 ms · max 1,200 ms". */
        String summary() {
            return String.format(Locale.ROOT, "p50 %,.0f ms · p99 %,.0f ms · max %,.0f ms",
                    percentileMillis(50), percentileMillis(99), maxMillis());
        }
    }

    /** One table row per kind: count, errors, first callback and final answer. */
    List<String> kindTable() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %-34s %8s %6s %26s %26s", "interaction", "count", "errors",
                "first callback p50 / p99", "final answer p50 / p99"));
        kinds().forEach((name, kind) -> lines.add(String.format(Locale.ROOT, "  %-34s %,8d %,6d %12.0f / %,7.0f ms %12.0f / %,7.0f ms",
                name, kind.count.get(), kind.errors.get(), kind.first.percentileMillis(50), kind.first.percentileMillis(99),
                kind.answered.percentileMillis(50), kind.answered.percentileMillis(99))));
        return lines;
    }
}
