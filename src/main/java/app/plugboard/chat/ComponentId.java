package app.plugboard.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of a button, select or form: {@code <feature>:<action>[:<arg>...]}. Arguments are ids
 * only (uuids, numbers, draft tokens), never an address, URL or token, and the whole id fits
 * Discord's 100 characters. Everything that names a thing is re-checked when the id comes back.
 * Code reads and writes ids through {@link Action} records and their {@link ActionType}.
 */
public record ComponentId(String feature, String action, List<String> args) {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern ARG = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public ComponentId {
        if (!WORD.matcher(feature).matches() || !WORD.matcher(action).matches()) {
            throw new IllegalArgumentException("feature and action are short lower-case words");
        }
        args = List.copyOf(args);
        for (String arg : args) {
            if (!ARG.matcher(arg).matches()) {
                throw new IllegalArgumentException("a component id argument is an id, not " + arg.length() + " characters of text");
            }
        }
        Limits.check(encode(feature, action, args), Limits.COMPONENT_ID, "A component id");
    }

    public static ComponentId of(String feature, String action, Object... args) {
        return new ComponentId(feature, action, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Empty for anything we did not make (or made by an older version of us). */
    public static Optional<ComponentId> parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || text.length() > Limits.COMPONENT_ID) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ComponentId(parts[0], parts[1], List.of(parts).subList(2, parts.length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String route() {
        return feature + ":" + action;
    }

    public String encode() {
        return encode(feature, action, args);
    }

    private static String encode(String feature, String action, List<String> args) {
        StringBuilder id = new StringBuilder(feature).append(':').append(action);
        args.forEach(arg -> id.append(':').append(arg));
        return id.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
