package app.plugboard.integration.calendar;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import org.jspecify.annotations.Nullable;

/**
 * A calendar that could not be read, in words for its owner (never the address's path or a password), with
 * what a connection check records: {@link IntegrationStatus#ERROR} when the owner must change something,
 * {@link IntegrationStatus#FAILING} when it may pass by itself.
 */
public final class CalendarUnavailableException extends Exception {

    private final IntegrationStatus status;
    private final @Nullable String field;

    CalendarUnavailableException(IntegrationStatus status, String message, @Nullable String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static CalendarUnavailableException error(String message, @Nullable String field) {
        return new CalendarUnavailableException(IntegrationStatus.ERROR, message, field);
    }

    static CalendarUnavailableException failing(String message) {
        return new CalendarUnavailableException(IntegrationStatus.FAILING, message, null);
    }

    public IntegrationStatus status() {
        return status;
    }

    /** The settings field to fix, when one is to blame. */
    public @Nullable String field() {
        return field;
    }

    CheckResult toCheckResult() {
        return new CheckResult(status, getMessage(), field);
    }
}
