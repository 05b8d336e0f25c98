package app.plugboard.integration;

import app.plugboard.common.UserFacingException;

/** The stored secrets of an integration cannot be decrypted with the configured keys. */
public final class UnreadableCredentialsException extends UserFacingException {

    public UnreadableCredentialsException(String label) {
        super("The stored credentials of \"" + label + "\" can't be read anymore. "
                + "Enter them again with edit, or ask the operator whether the encryption key changed.");
    }
}
