package app.plugboard.integration.calendar;

/**
 * A fetch that did not give an answer to use. The message is safe to show to the person who typed the
 * address: it names the host at most, never the path or query (they usually carry a private token).
 */
public final class FetchException extends Exception {

    /** What went wrong, for code that reacts differently (and for tests). */
    public enum Reason {
        /** The address itself is refused: a scheme other than http(s)/webcal, a username in it, no host. */
        BAD_ADDRESS,
        /**
         * An unknown host, an address blocked by the private-address guard, a refused connection or none in
         * time: the same words for all four.
         */
        UNREACHABLE,
        /** TLS failed: a certificate not trusted, expired or for another host, or no TLS at all. */
        TLS,
        /** Connected, but the answer took too long (the read timeout or the whole fetch's deadline). */
        TIMEOUT,
        /** More bytes than the cap. */
        TOO_LARGE,
        /** A compressed answer that unpacks to more than the cap. */
        UNPACKED_TOO_LARGE,
        /** The check's requests together took longer than its budget ({@link FetchBudget}). */
        TOTAL_TIMEOUT,
        /** The check's answers together hold more bytes than its budget. */
        TOTAL_TOO_LARGE,
        TOO_MANY_REDIRECTS,
        /** A redirect from https to plain http. */
        INSECURE_REDIRECT,
        /** A redirect to something that is not a web address, or without a target. */
        BAD_REDIRECT,
        /** An answer that is not readable HTTP (or a broken compressed body). */
        PROTOCOL
    }

    private final Reason reason;

    FetchException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
