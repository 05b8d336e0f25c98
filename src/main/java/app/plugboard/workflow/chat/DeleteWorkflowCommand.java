package app.plugboard.workflow.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.workflow.WorkflowId;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /workflow delete workflow:<x>}: asks first; the integrations it used stay. */
@Component
class DeleteWorkflowCommand implements CommandHandler {

    static final String CONFIRM = "del-ok";
    static final String CANCEL = "del-no";

    private final WorkflowPicker picker;

    DeleteWorkflowCommand(WorkflowPicker picker) {
        this.picker = picker;
    }

    @Override
    public String command() {
        return WorkflowCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("delete", "Delete a workflow (its integrations stay)",
                CommandSpec.Parameter.autocompleted(WorkflowPicker.OPTION, "Which of your workflows"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> {
            WorkflowView workflow = picker.resolve(event.user(), event.option(WorkflowPicker.OPTION));
            return Message.text("Delete the workflow **" + workflow.name() + "**? The integrations it uses stay.")
                    .withRow(ControlRow.of(
                            Control.Button.of(ComponentId.of(WorkflowCommands.FEATURE, CONFIRM, workflow.id(), workflow.version()),
                                    "Delete", Control.Style.DANGER),
                            Control.Button.of(ComponentId.of(WorkflowCommands.FEATURE, CANCEL), "Cancel", Control.Style.SECONDARY)));
        });
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    @Component
    static class Confirm implements ComponentHandler {
        private final WorkflowService workflows;

        Confirm(WorkflowService workflows) {
            this.workflows = workflows;
        }

        @Override
        public String route() {
            return WorkflowCommands.FEATURE + ":" + CONFIRM;
        }

        @Override
        public Response handle(ChatEvent event, ComponentId id) {
            WorkflowId workflow;
            long version;
            try {
                workflow = WorkflowId.parse(id.arg(0));
                version = Long.parseLong(id.arg(1));
            } catch (IllegalArgumentException e) {
                throw new ExpiredException();
            }
            return Response.inPlace(() -> {
                String name = workflows.list(event.user()).stream().filter(w -> w.id().equals(workflow))
                        .map(WorkflowView::name).findFirst().orElseThrow(ExpiredException::new);
                try {
                    workflows.delete(event.user(), workflow, version);
                } catch (ChangedMeanwhileException e) {
                    return Message.text("⚠️ " + name + " changed since you were asked, so it was not deleted. "
                            + "Run /workflow delete again to see it as it is now.");
                }
                return Message.text("🗑️ Deleted the workflow " + name + ".");
            });
        }
    }

    @Component
    static class Cancel implements ComponentHandler {
        @Override
        public String route() {
            return WorkflowCommands.FEATURE + ":" + CANCEL;
        }

        @Override
        public Response handle(ChatEvent event, ComponentId id) {
            return new Response.Update(Message.text("Nothing was deleted."));
        }
    }
}
