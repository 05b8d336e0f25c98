package app.plugboard.chat;

import app.plugboard.common.UserFacingException;

/** A component or form that we no longer know, or that is not the clicker's: answered politely. */
public final class ExpiredException extends UserFacingException {

    public static final String MESSAGE = "This has expired. Run the command again.";

    public ExpiredException() {
        super(MESSAGE);
    }
}
