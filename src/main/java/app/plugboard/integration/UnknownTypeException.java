package app.plugboard.integration;

import app.plugboard.common.UserFacingException;

/** An integration stored by an earlier Plugboard, of a type (or kind) this one no longer knows. */
public final class UnknownTypeException extends UserFacingException {

    UnknownTypeException(String label) {
        super("\"" + label + "\" is of a type this Plugboard no longer knows, so it can't be checked or changed. "
                + "You can only delete it.");
    }
}
