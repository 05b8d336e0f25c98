package app.plugboard.soak;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reading answers as a person does: the text of a message (content, then its cards), whether it is still
 * "in progress" (a check running, a deferred "thinking…"), and whether it is an error: one of the answers
 * Plugboard gives when it could not do what was asked although the request was fine.
 */
final class Answers {

    /** What Plugboard shows while a check runs; the final answer replaces it. */
    static final List<String> PROGRESS = List.of("Checking the connection…", "Checking the new settings…");

    /**
     * Answers that mean "not done, and not your fault", each by a phrase it always contains: the router's
     * unexpected failure and database outage, the per-person and pool limits, a quick read that timed out, a
     * component that expired (the people here only use fresh ones), and an edit refused for a change nobody
     * else made (each person is the only one changing their things).
     */
    static final List<Failure> FAILURES = List.of(
            new Failure("something went wrong", "Something went wrong on our side"),
            new Failure("database not reachable", "database is not reachable"),
            new Failure("too many checks", "checks running; wait for one to finish"),
            new Failure("busy", "Plugboard is very busy right now"),
            new Failure("slow to answer", "Plugboard is slow to answer right now"),
            new Failure("expired", "This has expired"),
            new Failure("changed meanwhile", "changed meanwhile"),
            new Failure("changed since shown", "changed since you were asked"));

    record Failure(String name, String phrase) {
    }

    private static final int LOADING = 1 << 7;

    private Answers() {
    }

    /** The failure this answer is, if it is one. */
    static Optional<Failure> failure(String text) {
        return FAILURES.stream().filter(failure -> text.contains(failure.phrase())).findFirst();
    }

    /** Content, then each card's title, description, fields and footer, one per line. */
    static String text(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("content").asString(""));
        for (JsonNode embed : message.path("embeds")) {
            append(text, embed.path("title"));
            append(text, embed.path("description"));
            for (JsonNode field : embed.path("fields")) {
                append(text, field.path("name"));
                append(text, field.path("value"));
            }
            append(text, embed.path("footer").path("text"));
        }
        return text.toString();
    }

    /** A message that is a result: it says something, and neither "thinking…" nor a check in progress. */
    static boolean isResult(JsonNode message) {
        if ((message.path("flags").asInt(0) & LOADING) != 0) {
            return false;
        }
        String content = message.path("content").asString("");
        boolean saysSomething = !content.isEmpty() || !message.path("embeds").isEmpty();
        return saysSomething && !PROGRESS.contains(content);
    }

    private static void append(StringBuilder text, JsonNode value) {
        if (value.isString() && !value.asString().isEmpty()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(value.asString());
        }
    }
}
