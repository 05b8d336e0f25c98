package app.plugboard.common;

/** The thing does not exist, or belongs to someone else: both answer the same. */
public final class NotFoundException extends UserFacingException {

    public NotFoundException(String what) {
        super("I can't find that " + what + ". It may have been deleted; run the list command to see yours.");
    }
}
