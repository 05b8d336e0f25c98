package app.plugboard.chat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** How a record that carries what a person typed prints it: every field name, the values of secret fields as {@code ***}. */
public final class TypedValues {

    public static final String MASK = "***";

    private TypedValues() {
    }

    /** {@code {password=***, username=alice}}, sorted by field name. */
    public static String masked(Map<String, String> values, Set<String> secretKeys) {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, secretKeys.contains(key) ? MASK : value));
        return shown.toString();
    }
}
