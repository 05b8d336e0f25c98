package app.plugboard.integration;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a connection check, in words for the owner.
 *
 * @param message what happened: on success a short preview of real data ("INBOX 1,234 messages"),
 *                otherwise what is wrong and what to do
 * @param field   the settings field to fix, when one is to blame
 */
public record CheckResult(IntegrationStatus status, String message, @Nullable String field) {

    public static CheckResult connected(String preview) {
        return new CheckResult(IntegrationStatus.CONNECTED, preview, null);
    }

    /** The owner must change something: a wrong password, an unknown server. */
    public static CheckResult error(String message, @Nullable String field) {
        return new CheckResult(IntegrationStatus.ERROR, message, field);
    }

    /** May pass by itself: a timeout, a busy server. */
    public static CheckResult failing(String message) {
        return new CheckResult(IntegrationStatus.FAILING, message, null);
    }

    public static CheckResult notChecked(String message) {
        return new CheckResult(IntegrationStatus.PENDING, message, null);
    }

    /** Good enough to save: connected, or not checkable (yet). */
    public boolean usable() {
        return status == IntegrationStatus.CONNECTED || status == IntegrationStatus.PENDING;
    }
}
