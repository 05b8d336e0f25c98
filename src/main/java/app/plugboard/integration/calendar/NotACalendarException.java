package app.plugboard.integration.calendar;

/** What was fetched is no iCalendar data; the message reads "not a calendar: <short reason>". */
public final class NotACalendarException extends Exception {

    NotACalendarException(String reason) {
        super("not a calendar: " + reason, null, false, false);
    }

    /** The short reason alone. */
    public String reason() {
        return getMessage().substring("not a calendar: ".length());
    }
}
