package app.plugboard.workflow;

public enum WorkflowState {
    ACTIVE,
    /** Not running; for example because an integration it used was deleted. */
    PAUSED
}
