package app.plugboard.crypto;

/** A stored secret cannot be decrypted. The message never contains the ciphertext or plaintext. */
public final class UnreadableSecretException extends RuntimeException {

    UnreadableSecretException(String reason) {
        super(reason);
    }
}
