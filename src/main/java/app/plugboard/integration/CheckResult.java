package app.plugboard.integration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a connection check, in words for the owner.
 *
 * @param message what happened: on success a short preview of real data ("INBOX 1,234 messages"),
 *                otherwise what is wrong and what to do
 * @param field   the settings field to fix, when one is to blame
 * @param choices when the settings reach several things and the owner must say which (the calendars of a
 *                CalDAV account): each with the settings that point at it; empty otherwise
 */
public record CheckResult(IntegrationStatus status, String message, @Nullable String field, List<Choice> choices) {

    /**
     * One thing the owner may pick.
     *
     * @param settings the settings narrowed to it
     * @param checked  its own check, when the probe already made it; otherwise the pick is checked then
     */
    public record Choice(String label, @Nullable String description, IntegrationSettings settings,
            @Nullable CheckResult checked) {
    }

    public CheckResult {
        choices = List.copyOf(choices);
    }

    public CheckResult(IntegrationStatus status, String message, @Nullable String field) {
        this(status, message, field, List.of());
    }

    public static CheckResult connected(String preview) {
        return new CheckResult(IntegrationStatus.CONNECTED, preview, null);
    }

    /** The settings connect, and reach several things: the owner picks one of {@code choices} before saving. */
    public static CheckResult choose(String question, List<Choice> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a choice needs something to choose");
        }
        return new CheckResult(IntegrationStatus.CONNECTED, question, null, choices);
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

    /** Whether the owner has to pick one of several before these settings are saved. */
    public boolean asksToChoose() {
        return !choices.isEmpty();
    }
}
