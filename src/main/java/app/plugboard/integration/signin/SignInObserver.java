package app.plugboard.integration.signin;

/**
 * Told how each browser sign-in ended, once, by the {@link SignInFlow} that ran it: the port metrics
 * implement, so the flows know no meter.
 */
public interface SignInObserver {

    /** How a sign-in ended. */
    enum Outcome {
        /** The account is connected (or connected again). */
        CONNECTED,
        /** The person, or the provider's answer, said no: cancelled, a permission unticked, another account. */
        REFUSED,
        /** It could not be completed: the provider or the mail server did not answer as it should, or a fault of ours. */
        FAILED,
        /** The browser came back with a state that is unknown, used up or too old. */
        EXPIRED
    }

    /**
     * @param provider the mail provider signed in at, in lower case ({@code google}, {@code microsoft}), or
     *                 {@code discord} for a Discord sign-in step that came back with an unknown state
     */
    void ended(String provider, Outcome outcome);
}
