package app.plugboard.workflow.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.UserId;
import app.plugboard.workflow.WorkflowId;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /workflow delete workflow:<x>}: asks first; the integrations it used stay. */
@Component
class DeleteWorkflowCommand implements CommandHandler, ComponentRoutes {

    /** @param version the version shown: a workflow changed since is not deleted */
    record Confirm(WorkflowId workflow, long version) implements Action {
        static final ActionType<Confirm> TYPE = ActionType.of(WorkflowCommands.FEATURE, "del-ok",
                arguments -> new Confirm(arguments.as(WorkflowId::parse), arguments.number()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(workflow, version);
        }
    }

    record Cancel() implements Action {
        static final ActionType<Cancel> TYPE = ActionType.of(WorkflowCommands.FEATURE, "del-no", arguments -> new Cancel());

        @Override
        public ComponentId componentId() {
            return TYPE.id();
        }
    }

    private final WorkflowPicker picker;
    private final WorkflowService workflows;

    DeleteWorkflowCommand(WorkflowPicker picker, WorkflowService workflows) {
        this.picker = picker;
        this.workflows = workflows;
    }

    @Override
    public String command() {
        return WorkflowCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("delete", "Delete a workflow (its integrations stay)",
                CommandSpec.Parameter.autocompleted(picker.option(), "Which of your workflows"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> {
            WorkflowView workflow = picker.resolve(event);
            return Message.text("Delete the workflow **" + workflow.name() + "**? The integrations it uses stay.")
                    .withRow(ControlRow.of(
                            Control.Button.of(new Confirm(workflow.id(), workflow.version()), "Delete", Control.Style.DANGER),
                            Control.Button.of(new Cancel(), "Cancel", Control.Style.SECONDARY)));
        });
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(
                ComponentRoute.onClick(Confirm.TYPE, (click, confirm) -> Response.inPlace(() -> delete(click.user(), confirm))),
                ComponentRoute.onClick(Cancel.TYPE, (click, cancel) -> new Response.Update(Message.text("Nothing was deleted."))));
    }

    private Message delete(UserId user, Confirm confirm) {
        String name = workflows.list(user).stream().filter(w -> w.id().equals(confirm.workflow()))
                .map(WorkflowView::name).findFirst().orElseThrow(ExpiredException::new);
        try {
            workflows.delete(user, confirm.workflow(), confirm.version());
        } catch (ChangedMeanwhileException e) {
            return Message.text("⚠️ " + name + " changed since you were asked, so it was not deleted. "
                    + "Run /workflow delete again to see it as it is now.");
        }
        return Message.text("🗑️ Deleted the workflow " + name + ".");
    }
}
