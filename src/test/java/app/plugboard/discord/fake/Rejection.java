package app.plugboard.discord.fake;

/**
 * A request that real Discord would refuse, and that the fake refused the same way. Tests assert on these
 * to catch double acknowledgements, late acknowledgements and similar bugs.
 *
 * @param kind           what went wrong
 * @param status         the HTTP status answered
 * @param code           Discord's JSON error code answered
 * @param method         the request's method
 * @param path           the request's path below {@code /api/v10/}
 * @param interactionId  the interaction concerned, or null
 * @param detail         a human-readable explanation for assertion messages
 */
public record Rejection(Kind kind, int status, int code, String method, String path, String interactionId,
                        String detail) {

    public enum Kind {
        /** The first callback came later than 3 s after the interaction was created (10062). */
        UNKNOWN_INTERACTION,
        /** A second acknowledgement of the same interaction (40060). */
        ALREADY_ACKNOWLEDGED,
        /** A modal (type 9) after the interaction was deferred (40060). */
        MODAL_AFTER_DEFER,
        /** A callback type that does not fit the interaction, or an invalid message body (50035). */
        INVALID_FORM_BODY,
        /** A webhook call with an unknown or expired interaction token (10015). */
        UNKNOWN_WEBHOOK,
        /** An edit of an interaction's answer before there is one (10008). */
        UNKNOWN_MESSAGE,
        /** A channel that does not exist (10003). */
        UNKNOWN_CHANNEL,
        /** A user that does not exist (10013). */
        UNKNOWN_USER,
        /** A call without the bot's token (401). */
        UNAUTHORIZED,
        /** A request that did not wait for its route's rate limit, or a 429's Retry-After (429). */
        RATE_LIMIT_EXCEEDED,
        /** An IDENTIFY sooner than Discord allows in its rate-limit bucket (answered op 9, invalid session). */
        IDENTIFY_TOO_SOON
    }
}
