package app.plugboard.integration;

import app.plugboard.common.UserFacingException;

public final class IntegrationInUseException extends UserFacingException {

    public IntegrationInUseException(String label) {
        super("Workflows still use \"" + label + "\", so it was not deleted. Move or delete those workflows first.");
    }
}
