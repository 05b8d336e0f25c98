package app.plugboard.integration;

import app.plugboard.common.InputProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for an edit that keeps a stored secret ("leave the password empty to keep it"): the secret
 * goes only to the destinations it was stored for. When the edited settings would send it anywhere else,
 * the person must type it again; until then nothing is checked and nothing is stored. Every settings type
 * names its secrets' destinations ({@link IntegrationSettings#secretUses()}), so no type can skip this.
 */
public final class SecretReuse {

    private SecretReuse() {
    }

    /**
     * The problems with keeping stored secrets in {@code edited}, one per field, naming it; empty when
     * every kept secret stays with its destinations.
     *
     * @param typedNow    the secrets the person typed in this edit (those may go wherever the edit says)
     * @param alsoAllowed destinations the stored secrets may also go to: the same provider's other servers,
     *                    from Plugboard's own table (never from what was typed)
     */
    public static List<InputProblem> problems(IntegrationSettings stored, IntegrationSettings edited,
            Set<Secret> typedNow, Set<Destination> alsoAllowed) {
        List<InputProblem> problems = new ArrayList<>();
        for (Map.Entry<String, SecretUse> entry : edited.secretUses().entrySet()) {
            SecretUse use = entry.getValue();
            if (use.secret() == null || typedNow.contains(use.secret())) {
                continue;
            }
            Optional<Set<Destination>> enteredFor = enteredFor(use.secret(), stored);
            if (enteredFor.isEmpty()) {
                continue; // not a stored secret: new in this edit
            }
            Set<Destination> allowed = new HashSet<>(enteredFor.get());
            allowed.addAll(alsoAllowed);
            if (!allowed.containsAll(use.destinations())) {
                problems.add(new InputProblem(entry.getKey(), askAgain(use.label())));
            }
        }
        return problems;
    }

    /** Where the stored settings send this secret (under whichever field), or empty when they do not hold it. */
    private static Optional<Set<Destination>> enteredFor(Secret secret, IntegrationSettings stored) {
        Set<Destination> destinations = new HashSet<>();
        boolean held = false;
        for (SecretUse use : stored.secretUses().values()) {
            if (secret.equals(use.secret())) {
                held = true;
                destinations.addAll(use.destinations());
            }
        }
        return held ? Optional.of(destinations) : Optional.empty();
    }

    static String askAgain(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        return label + ": the server changed, so type the " + name + " again; Plugboard only sends a stored " + name
                + " to the server it was entered for.";
    }
}
