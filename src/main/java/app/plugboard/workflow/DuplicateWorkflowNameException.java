package app.plugboard.workflow;

import app.plugboard.common.UserFacingException;

public final class DuplicateWorkflowNameException extends UserFacingException {

    public DuplicateWorkflowNameException(String name) {
        super("You already have a workflow named \"" + name + "\" (names ignore upper and lower case). Choose another name.");
    }
}
