package app.plugboard.integration.oauthmail;

/**
 * The provider refused this Plugboard's own OAuth client (its secret expired or is wrong), not a person's
 * grant: only the operator can fix it, and the person's access is kept meanwhile.
 *
 * @param operatorAction what the operator must do, for the log
 * @param personMessage  what the person reads: whose move it is, and that nothing is lost
 */
public record ClientProblem(String operatorAction, String personMessage) {
}
