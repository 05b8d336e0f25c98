package app.plugboard.integration.oauthmail;

/** The provider signed in an account this Plugboard does not accept (Microsoft: a tenant the settings exclude). */
public class AccountRefused extends RuntimeException {

    private final Refusal refusal;

    public AccountRefused(Refusal refusal, String logReason) {
        super(logReason, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
