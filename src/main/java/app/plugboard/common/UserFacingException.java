package app.plugboard.common;

/**
 * A domain failure whose message is written for the person in the chat: it names what went wrong
 * and what to do, and never carries text from a library or a secret.
 */
public abstract class UserFacingException extends RuntimeException {

    protected UserFacingException(String userMessage) {
        super(userMessage, null, false, false);
    }

    public String userMessage() {
        return getMessage();
    }
}
