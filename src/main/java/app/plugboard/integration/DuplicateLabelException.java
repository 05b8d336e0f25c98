package app.plugboard.integration;

import app.plugboard.common.UserFacingException;

public final class DuplicateLabelException extends UserFacingException {

    public DuplicateLabelException(String label) {
        super("You already have an integration labelled \"" + label + "\" (labels ignore upper and lower case). "
                + "Choose another label.");
    }
}
