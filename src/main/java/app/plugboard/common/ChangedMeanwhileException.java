package app.plugboard.common;

/** An edit was based on a version that is no longer current. */
public final class ChangedMeanwhileException extends UserFacingException {

    public ChangedMeanwhileException(String what) {
        super("This " + what + " changed meanwhile, nothing was lost. Look at it again and retry your change.");
    }
}
