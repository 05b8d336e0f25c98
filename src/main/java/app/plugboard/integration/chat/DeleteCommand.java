package app.plugboard.integration.chat;

import app.plugboard.chat.Card;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.chat.Tone;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /integration delete integration:<x>}: asks first. When workflows use the integration,
 * the question lists them.
 */
@Component
class DeleteCommand implements CommandHandler {

    private final IntegrationPicker picker;
    private final WorkflowService workflows;

    DeleteCommand(IntegrationPicker picker, WorkflowService workflows) {
        this.picker = picker;
        this.workflows = workflows;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("delete", "Delete an integration (you are asked first)",
                CommandSpec.Parameter.autocompleted(IntegrationPicker.OPTION, "Which of your integrations"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> prompt(event.user(), picker.resolve(event.user(), event.option(IntegrationPicker.OPTION))));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    /** The question, carrying the version it shows: a change in between makes the answer stale. */
    Message prompt(UserId user, IntegrationView integration) {
        List<WorkflowView> using = workflows.usingIntegration(user, integration.id());
        List<Card.Field> fields = new ArrayList<>();
        if (!using.isEmpty()) {
            fields.add(new Card.Field("Used by " + Views.plural(using.size(), "workflow"), Views.workflowList(using), false));
        }
        Card card = new Card("Delete " + integration.label() + "?",
                integration.type().displayName() + " · " + integration.summary()
                        + "\nThis removes the integration and its stored credentials. It cannot be undone.",
                fields, Tone.DANGER, null);
        return Message.card(card, ControlRow.of(
                Control.Button.of(Ids.of(Ids.DELETE_CONFIRM, integration.id(), integration.version()), "Delete",
                        Control.Style.DANGER),
                Control.Button.of(Ids.of(Ids.DELETE_CANCEL, integration.id()), "Cancel", Control.Style.SECONDARY)));
    }
}
