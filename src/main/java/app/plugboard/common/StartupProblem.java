package app.plugboard.common;

/**
 * A reason the application cannot start that the operator can fix: printed as a description and
 * an action by {@link StartupProblemFailureAnalyzer} instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    public StartupProblem(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
