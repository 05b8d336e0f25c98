package app.plugboard.chat;

import java.util.Locale;

/** How one interaction ended, as the router saw it: the same few words whatever the transport. */
public enum InteractionOutcome {
    /** The person got what they asked for: a reply, a form, a list, suggestions. */
    ANSWERED,
    /**
     * The request was refused and nothing changed: a value that cannot be used, something not found or taken,
     * settings the service refused; the answer says what to fix (and usually offers "Try again").
     */
    REFUSED,
    /** A button, select or form that is stale, unknown or someone else's: "this has expired". */
    EXPIRED,
    /** The person already had the most connection checks running: "wait for one to finish". */
    BUSY,
    /** The database was out of reach: "try again in a minute". */
    DATABASE_UNAVAILABLE,
    /** Every database connection stayed in use for longer than the request may wait (too much at once): "very busy". */
    OVERLOADED,
    /** The database gave the transaction up for another one at the same moment (a deadlock): "try again". */
    DATABASE_BUSY,
    /** Something unexpected failed: "something went wrong, reference X", the stack trace in the log under X. */
    ERROR,
    /** The slow part never ran: the transport could not acknowledge the interaction, or its queue was full. */
    ABANDONED;

    /** The name metrics and logs use: lower case, words joined by {@code -}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
