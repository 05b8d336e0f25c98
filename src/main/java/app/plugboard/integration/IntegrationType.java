package app.plugboard.integration;

import java.util.Locale;
import java.util.Optional;

/** The kinds of service a person can connect, as they are named and described in the chat. */
public enum IntegrationType {
    IMAP("IMAP mail", "Any mailbox by username, password and server: your own, Fastmail, iCloud, Yahoo..."),
    GMAIL("Gmail", "Your Gmail account, connected through Google sign-in: no password leaves Google."),
    CALENDAR("Calendar", "A calendar by its iCal address (Google, Outlook, Apple, any .ics) or a CalDAV server.");

    private final String displayName;
    private final String description;

    IntegrationType(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** The name users type, such as {@code imap}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntegrationType> fromKey(String key) {
        for (IntegrationType type : values()) {
            if (type.key().equalsIgnoreCase(key.trim()) || type.displayName.equalsIgnoreCase(key.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
