package app.plugboard.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Values that name someone's things: their labels, names and ids, Alice's or Bob's, alone or in a comma-separated
 * list with bad values between them. Generated as placeholders ({@code ⟦bob id 3⟧}), so that jqwik can show and
 * shrink them before anyone's things exist; {@link #resolve} puts the real label or id in when the try runs.
 */
final class References {

    private static final Pattern PLACEHOLDER = Pattern.compile("⟦(alice|bob) (label|id|workflow|workflow-id) (\\d+)⟧");

    private References() {
    }

    /** One of someone's things, by label, name or id. */
    static Arbitrary<String> one() {
        return Combinators.combine(Arbitraries.of("alice", "bob"), Arbitraries.of("label", "id", "workflow", "workflow-id"),
                Arbitraries.integers().between(0, 9)).as((who, what, n) -> "⟦" + who + " " + what + " " + n + "⟧");
    }

    /** A bad value, one of someone's things, a list of both, or nothing at all (null: the option is left out). */
    static Arbitrary<String> optionValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, BadValues.any()),
                Tuple.of(3, one()),
                Tuple.of(1, Arbitraries.of("imap", "calendar", "gmail", "IMAP", " imap ")),
                Tuple.of(1, Arbitraries.oneOf(one(), BadValues.any()).list().ofMinSize(2).ofMaxSize(4)
                        .map(parts -> String.join(", ", parts)))).injectNull(0.1);
    }

    /** The value with each placeholder replaced by the real label, name or id of that person's thing. */
    static String resolve(String value, Person alice, Person bob) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            Person person = placeholder.group(1).equals("alice") ? alice : bob;
            int n = Integer.parseInt(placeholder.group(3));
            List<String> pool = new ArrayList<>(switch (placeholder.group(2)) {
                case "label" -> person.integrations().keySet();
                case "id" -> person.integrations().values();
                case "workflow" -> person.workflows().keySet();
                default -> person.workflows().values();
            });
            pool.sort(null);
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(pool.get(n % pool.size())));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }
}
