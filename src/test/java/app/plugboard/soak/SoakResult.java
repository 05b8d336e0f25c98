package app.plugboard.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a soak found, and the report it prints: the interactions and their answers (during the warm-up, when
 * everyone connects a mailbox within a minute, and during the run itself), the leak figures at start and end,
 * the log's warnings and errors, and the consistency check ("lost: 0").
 */
record SoakResult(SoakSettings settings, String watchInterval, Duration warmUpTook, Duration ran, Figures warmUp, Figures figures,
        long restRequests, long feedRequests, Map<String, Long> backgroundChecks, Resources atStart, Resources atEnd,
        Duration quietAtEnd, String loadAtStart, String loadAtEnd, List<String> loads, Map<String, Integer> logErrors,
        Map<String, Integer> logWarnings, List<String> discrepancies, List<Memory> people) {

    /** Growth between start and end that still counts as flat (noise: a keep-alive socket, a JIT thread). */
    static final long HEAP_SLACK_BYTES = 32L * 1024 * 1024;
    static final double HEAP_SLACK_SHARE = 0.10;
    static final int THREAD_SLACK = 5;
    static final int FILE_DESCRIPTOR_SLACK = 16;
    static final int CONNECTION_SLACK = 2;
    /** Growth is judged only after this much quiet: JDA's rate limiter keeps idle threads for a minute. */
    static final Duration JUDGED_AFTER = Duration.ofSeconds(60);

    boolean passed() {
        return missed() == 0 && errors() == 0 && discrepancies.isEmpty() && logErrors.isEmpty();
    }

    long sent() {
        return warmUp.sentCount() + figures.sentCount();
    }

    long acknowledged() {
        return warmUp.acknowledgedCount() + figures.acknowledgedCount();
    }

    long missed() {
        return warmUp.missedCount() + figures.missedCount();
    }

    long errors() {
        return warmUp.errorCount() + figures.errorCount();
    }

    /** The conversations of the warm-up and the run, by name. */
    Map<String, Integer> flows() {
        Map<String, Integer> flows = new TreeMap<>(warmUp.flows());
        figures.flows().forEach((name, count) -> flows.merge(name, count, Integer::sum));
        return flows;
    }

    long withoutSuggestions() {
        return warmUp.withoutSuggestionsCount() + figures.withoutSuggestionsCount();
    }

    /** What grew beyond noise between start and end; empty when everything stayed flat. */
    List<String> leaks() {
        List<String> grew = new ArrayList<>();
        if (atEnd.heapAfterFullGc() > atStart.heapAfterFullGc() * (1 + HEAP_SLACK_SHARE) + HEAP_SLACK_BYTES) {
            grew.add("heap after full GC " + Resources.megabytes(atStart.heapAfterFullGc()) + " → "
                    + Resources.megabytes(atEnd.heapAfterFullGc()));
        }
        if (atEnd.threads() > atStart.threads() + THREAD_SLACK) {
            grew.add("threads " + atStart.threads() + " → " + atEnd.threads() + " (" + String.join(", ",
                    Resources.grownPools(atStart, atEnd)) + ")");
        }
        if (atEnd.fileDescriptors() > atStart.fileDescriptors() + FILE_DESCRIPTOR_SLACK) {
            grew.add("file descriptors " + atStart.fileDescriptors() + " → " + atEnd.fileDescriptors());
        }
        if (atEnd.databaseConnections() > atStart.databaseConnections() + CONNECTION_SLACK) {
            grew.add("database connections " + atStart.databaseConnections() + " → " + atEnd.databaseConnections());
        }
        return grew;
    }

    List<String> report() {
        List<String> lines = new ArrayList<>();
        long held = people.stream().mapToLong(person -> person.integrations.size()).sum();
        long deleted = people.stream().mapToLong(person -> person.deletedIntegrations.size()).sum();
        long workflows = people.stream().mapToLong(person -> person.workflows.size()).sum();
        long paused = people.stream().flatMap(person -> person.workflows.stream()).filter(workflow -> workflow.paused).count();
        long deletedWorkflows = people.stream().mapToLong(person -> person.deletedWorkflows.size()).sum();
        lines.add(String.format(Locale.ROOT, "Soak: %,d people for %s after a warm-up of %s (everyone connects a mailbox); "
                        + "think %s, typing %s; watch every %s; %d cores, Java %s",
                settings.people(), minutes(ran), minutes(warmUpTook), settings.think(), settings.typing(), watchInterval,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        lines.add("machine load (1/5/15 min): at start " + loadAtStart + ", at end " + loadAtEnd + "; each minute: "
                + String.join(" | ", loads));
        lines.add(String.format(Locale.ROOT, "interactions sent: %,d (warm-up %,d, run %,d); acknowledged within 3 s: %,d; "
                + "missed: %,d", sent(), warmUp.sentCount(), figures.sentCount(), acknowledged(), missed()));
        Map<String, Integer> errorsByWhat = new TreeMap<>(warmUp.errorsByWhat());
        figures.errorsByWhat().forEach((what, count) -> errorsByWhat.merge(what, count, Integer::sum));
        lines.add(String.format(Locale.ROOT, "answers that were an error: %,d%s; autocomplete without suggestions (the "
                        + "database slower than the quick-read deadline, the name typed instead): %,d of %,d", errors(),
                errorsByWhat.isEmpty() ? "" : " " + errorsByWhat, withoutSuggestions(),
                warmUp.autocompleteCount() + figures.autocompleteCount()));
        lines.add("run, to first callback: " + figures.allFirst().summary());
        lines.add("run, to final answer:   " + figures.allAnswered().summary());
        lines.add("warm-up (everyone connects a mailbox within " + settings.warmUp().toSeconds() + " s), to first callback: "
                + warmUp.allFirst().summary() + "; to final answer: " + warmUp.allAnswered().summary());
        lines.add("the run, by interaction:");
        lines.addAll(figures.kindTable());
        lines.add("conversations in the run: " + figures.flows());
        lines.add(String.format(Locale.ROOT, "background checks during the run: %s; direct messages: %,d; Discord REST requests: %,d; "
                + "feed requests: %,d", backgroundChecks, warmUp.directMessageCount() + figures.directMessageCount(), restRequests,
                feedRequests));
        lines.add(String.format(Locale.ROOT, "%-34s %18s %18s", "after quiet of", settings.quiet().toSeconds() + " s",
                quietAtEnd.toSeconds() + " s"));
        lines.add(row("heap after full GC", Resources.megabytes(atStart.heapAfterFullGc()), Resources.megabytes(atEnd.heapAfterFullGc())));
        lines.add(row("live threads (harness left out)", atStart.threads(), atEnd.threads()));
        lines.add(row("open file descriptors", atStart.fileDescriptors(), atEnd.fileDescriptors()));
        lines.add(row("database connections (server)", atStart.databaseConnections(), atEnd.databaseConnections()));
        lines.add(row("pools " + atStart.poolConnections().keySet(), atStart.poolConnections().values(),
                atEnd.poolConnections().values()));
        lines.add(row("RSS of this JVM (harness included)", Resources.megabytesOfKb(atStart.jvmRssKb()),
                Resources.megabytesOfKb(atEnd.jvmRssKb())));
        lines.add(row("PostgreSQL processes", atStart.postgresProcesses(), atEnd.postgresProcesses()));
        lines.add(row("PostgreSQL RSS (sum)", Resources.megabytesOfKb(atStart.postgresRssKb()),
                Resources.megabytesOfKb(atEnd.postgresRssKb())));
        lines.add(row("PostgreSQL PSS (sum)", Resources.megabytesOfKb(atStart.postgresPssKb()),
                Resources.megabytesOfKb(atEnd.postgresPssKb())));
        List<String> leaks = leaks();
        boolean judged = settings.quiet().compareTo(JUDGED_AFTER) >= 0;
        lines.add("leaks: " + (!judged ? "not judged after " + settings.quiet().toSeconds() + " s of quiet (idle pools keep "
                + "their threads a minute); grew: " : "") + (leaks.isEmpty() ? "none (flat)" : String.join("; ", leaks)));
        lines.add("log: " + logErrors.values().stream().mapToInt(Integer::intValue).sum() + " errors, "
                + logWarnings.values().stream().mapToInt(Integer::intValue).sum() + " warnings");
        logErrors.forEach((message, count) -> lines.add("  error ×" + count + " " + message));
        logWarnings.forEach((message, count) -> lines.add("  warning ×" + count + " " + message));
        warmUp.errorSamples().forEach(sample -> lines.add("  answer (warm-up): " + sample));
        figures.errorSamples().forEach(sample -> lines.add("  answer: " + sample));
        lines.add(String.format(Locale.ROOT, "consistency: %,d integrations held, %,d deleted; %,d workflows (%,d paused), "
                + "%,d deleted", held, deleted, workflows, paused, deletedWorkflows));
        lines.add("lost: " + discrepancies.size());
        discrepancies.stream().limit(50).forEach(discrepancy -> lines.add("  " + discrepancy));
        lines.add("verdict: " + (passed() ? "PASS" : "FAIL") + (leaks.isEmpty() || !judged ? "" : " (and something grew: see leaks)"));
        return lines;
    }

    private static String row(String name, Object start, Object end) {
        return String.format(Locale.ROOT, "%-34s %18s %18s", name, start, end);
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d:%02d min", duration.toMinutes(), duration.toSecondsPart());
    }
}
