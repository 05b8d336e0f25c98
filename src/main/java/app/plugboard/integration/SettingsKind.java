package app.plugboard.integration;

import java.util.regex.Pattern;

/**
 * Which settings record an integration holds: most types have one kind, the calendar type has two (a feed,
 * a CalDAV server). Declared in the type's package beside its {@link SettingsFormat}.
 *
 * @param id the name stored in the settings' {@code kind}, in capitals ({@code CALENDAR_FEED}): it never changes
 *           once integrations of the kind are stored
 */
public record SettingsKind(String id, IntegrationType type) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public SettingsKind {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a kind id is stored: capitals, digits and _, such as IMAP; not " + id);
        }
    }
}
