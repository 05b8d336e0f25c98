package app.plugboard.workflow.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ComponentId;
import app.plugboard.workflow.WorkflowId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Component ids of the workflow conversation")
class ComponentIdsTest {

    @Test
    @DisplayName("every action encodes to the id it has always had, and decodes from it to itself")
    void roundTrip() {
        WorkflowId id = WorkflowId.parse("8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11");
        ListWorkflowsCommand.ShowPage page = new ListWorkflowsCommand.ShowPage(2);
        DeleteWorkflowCommand.Confirm confirm = new DeleteWorkflowCommand.Confirm(id, 4);
        DeleteWorkflowCommand.Cancel cancel = new DeleteWorkflowCommand.Cancel();

        assertThat(page.componentId().encode()).isEqualTo("wf:page:2");
        assertThat(confirm.componentId().encode()).isEqualTo("wf:del-ok:" + id + ":4");
        assertThat(cancel.componentId().encode()).isEqualTo("wf:del-no");
        assertThat(ListWorkflowsCommand.ShowPage.TYPE.decode(ComponentId.parse("wf:page:2").orElseThrow())).contains(page);
        assertThat(DeleteWorkflowCommand.Confirm.TYPE.decode(ComponentId.parse("wf:del-ok:" + id + ":4").orElseThrow()))
                .contains(confirm);
        assertThat(DeleteWorkflowCommand.Cancel.TYPE.decode(ComponentId.parse("wf:del-no").orElseThrow())).contains(cancel);
        assertThat(DeleteWorkflowCommand.Confirm.TYPE.decode(ComponentId.parse("wf:del-ok:" + id).orElseThrow())).isEmpty();
    }
}
