package app.plugboard.integration;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A kind of service a person can connect. Each type declares itself in its own package
 * ({@code integration.imap}, {@code integration.gmail} ...); this package only knows the ones whose
 * {@link SettingsFormat}s are beans.
 *
 * @param id          the name stored in {@code integration.type}, in capitals ({@code IMAP}): it never changes once
 *                    integrations of the type are stored
 * @param displayName how the chat names it ({@code IMAP mail})
 * @param description a sentence for the person choosing a type
 */
public record IntegrationType(String id, String displayName, String description) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public IntegrationType {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a type id is stored: capitals, digits and _, such as IMAP; not " + id);
        }
    }

    /** The name people type, such as {@code imap}. */
    public String key() {
        return id.toLowerCase(Locale.ROOT);
    }

    /** A type stored by an earlier Plugboard that this one no longer knows: its integrations can only be deleted. */
    static IntegrationType unknown(String id) {
        return new IntegrationType(id, "Unknown type", "A type this Plugboard no longer knows.");
    }
}
