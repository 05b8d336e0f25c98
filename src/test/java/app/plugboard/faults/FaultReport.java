package app.plugboard.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a fault did and what people saw, in a few lines: written to {@code target/bench/faults/<fault>.txt} (which
 * {@code bench/faults.sh} prints) and to standard output.
 */
final class FaultReport {

    static final String DATABASE_UNREACHABLE = "Plugboard's database is not reachable right now; nothing was changed. Try again in a minute.";
    static final String VERY_BUSY = "Plugboard is very busy right now; nothing was changed. Try again in a minute.";

    private final String fault;
    private final List<String> lines = new ArrayList<>();

    FaultReport(String fault, String what) {
        this.fault = fault;
        lines.add("== " + fault + ": " + what);
    }

    FaultReport line(String format, Object... arguments) {
        lines.add("   " + String.format(Locale.ROOT, format, arguments));
        return this;
    }

    /** How the answers people read in {@code steps} came out, and how long they waited for them. */
    FaultReport answers(String phase, List<Person.Seen> steps) {
        Map<String, Integer> kinds = new TreeMap<>();
        steps.forEach(step -> kinds.merge(kind(step.answer()), 1, Integer::sum));
        List<Duration> took = steps.stream().map(Person.Seen::took).sorted().toList();
        return line("%-26s %4d answers %s; waited p50 %s, p99 %s", phase + ":", steps.size(), kinds, millis(percentile(took, 50)),
                millis(percentile(took, 99)));
    }

    /** For each difference ("person… holds …"), what that person did and read, to see where it went wrong. */
    FaultReport journalOf(List<String> differences, List<Person.Seen> journal) {
        for (String difference : differences) {
            String person = difference.substring(0, difference.indexOf(' '));
            line("%s", difference);
            journal.stream().filter(step -> step.person().equals(person))
                    .sorted(Comparator.comparingLong(Person.Seen::startedNanos))
                    .forEach(step -> line("  %s %s: %s", step.what(), step.label(), step.answer().replace('\n', ' ')));
        }
        return this;
    }

    /** The steps of {@code journal} that started within [from, to). */
    static List<Person.Seen> between(List<Person.Seen> journal, long fromNanos, long toNanos) {
        return journal.stream().filter(step -> step.startedNanos() >= fromNanos && step.startedNanos() < toNanos).toList();
    }

    /** The steps of {@code journal} whose answer was read within [from, to). */
    static List<Person.Seen> readBetween(List<Person.Seen> journal, long fromNanos, long toNanos) {
        return journal.stream().filter(step -> step.endedNanos() >= fromNanos && step.endedNanos() < toNanos).toList();
    }

    static List<Person.Seen> where(List<Person.Seen> journal, Predicate<Person.Seen> condition) {
        return journal.stream().filter(condition).toList();
    }

    /** What kind of answer a person read: the words that matter for a fault. */
    static String kind(String answer) {
        if (answer.equals(DATABASE_UNREACHABLE)) {
            return "database-unreachable";
        }
        if (answer.equals(VERY_BUSY)) {
            return "very-busy";
        }
        if (answer.startsWith(Person.NOTHING_OFFERED)) {
            return "nothing-to-pick";
        }
        if (answer.startsWith("(no answer")) {
            return "no-answer";
        }
        if (answer.startsWith("(still on")) {
            return "stuck";
        }
        if (answer.contains("Something went wrong") || answer.startsWith("(")) {
            return "ERROR";
        }
        if (answer.contains("has expired")) {
            return "expired";
        }
        if (answer.startsWith("Plugboard is restarting")) {
            return "restarting";
        }
        if (answer.contains("not saved") || answer.startsWith("⚠️") || answer.startsWith("❌")) {
            return "refused";
        }
        return "done";
    }

    /** The answer to {@code /integration list}: the list, or that there is nothing in it yet. */
    static boolean isList(String answer) {
        return answer.startsWith("Your integrations") || answer.startsWith("You have no integrations yet");
    }

    /**
     * An answer a working Plugboard never gives: an error, none within Discord's three seconds ("The application did
     * not respond"), or a "Checking…" that never became a result.
     */
    static boolean isError(Person.Seen step) {
        return List.of("ERROR", "no-answer", "stuck").contains(kind(step.answer()));
    }

    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> ordered = sorted.stream().sorted(Comparator.naturalOrder()).toList();
        int index = (int) Math.ceil(percent / 100.0 * ordered.size()) - 1;
        return ordered.get(Math.max(0, Math.min(ordered.size() - 1, index)));
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    /** Writes the report and prints it. */
    void write() {
        String text = String.join("\n", lines) + "\n";
        System.out.print(text);
        try {
            Path file = Path.of("target", "bench", "faults", fault + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
