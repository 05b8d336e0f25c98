package app.plugboard.workflow.chat;

import app.plugboard.chat.Limits;
import app.plugboard.chat.PickOption;
import app.plugboard.chat.QuickRead;
import app.plugboard.common.UserId;
import app.plugboard.workflow.WorkflowId;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import org.springframework.stereotype.Component;

/** The {@code workflow} option: the caller's own workflows by name (autocomplete shows their state). */
@Component
class WorkflowPicker extends PickOption<WorkflowView> {

    static final String OPTION = "workflow";

    private final WorkflowService workflows;

    WorkflowPicker(WorkflowService workflows, QuickRead quickRead) {
        super(OPTION, quickRead);
        this.workflows = workflows;
    }

    @Override
    protected List<WorkflowView> own(UserId user) {
        return workflows.list(user);
    }

    @Override
    protected String id(WorkflowView workflow) {
        return workflow.id().toString();
    }

    @Override
    protected String name(WorkflowView workflow) {
        return workflow.name();
    }

    @Override
    protected String detail(WorkflowView workflow) {
        return WorkflowMessages.stateWord(workflow.state());
    }

    @Override
    protected String noun() {
        return "workflow";
    }

    @Override
    protected boolean isId(String value) {
        try {
            WorkflowId.parse(value);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    @Override
    protected String nothingChosen() {
        return "Choose a workflow: start typing its name and pick it from the list.";
    }

    @Override
    protected String noneNamed(String typed) {
        return "You have no workflow called \"" + Limits.fit(typed, 60) + "\". Start typing its name and pick it "
                + "from the list, or see yours with /workflow list.";
    }
}
