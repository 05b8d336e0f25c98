package app.plugboard.integration.chat;

import app.plugboard.chat.Card;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.chat.Tone;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.SafeDelete;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /integration delete integration:<x>}: asks first. When workflows use the integration, the
 * question lists them, says what will happen to them, and offers to move them to another
 * integration of the same type instead.
 */
@Component
class DeleteCommand implements CommandHandler {

    private final IntegrationPicker picker;
    private final SafeDelete safeDelete;

    DeleteCommand(IntegrationPicker picker, SafeDelete safeDelete) {
        this.picker = picker;
        this.safeDelete = safeDelete;
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
        return Response.later(() -> prompt(event.user(), picker.resolve(event.user(), event.option(IntegrationPicker.OPTION)).id()));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    /** The question, carrying what it shows (version and workflows): a change in between makes the answer stale. */
    Message prompt(UserId user, IntegrationId id) {
        SafeDelete.Preview preview = safeDelete.preview(user, id);
        IntegrationView integration = preview.integration();
        int used = preview.using().size();
        List<Card.Field> fields = new ArrayList<>();
        StringBuilder description = new StringBuilder(integration.type().displayName()).append(" · ")
                .append(integration.summary())
                .append("\nThis removes the integration and its stored credentials. It cannot be undone.");
        if (used > 0) {
            fields.add(new Card.Field("Used by " + Views.plural(used, "workflow"), Views.workflowList(preview.using(), true), false));
            fields.add(new Card.Field("What happens to them",
                    (used == 1 ? "It is paused and loses " : "They are paused and lose ") + integration.label()
                            + ". Nothing else is deleted."
                            + (preview.alternatives().isEmpty() ? "" : " Or move them to another integration below."),
                    false));
        }
        Card card = new Card(Limits.fit("Delete " + integration.label() + "?", Limits.CARD_TITLE),
                Limits.fit(description.toString(), Limits.CARD_DESCRIPTION), fields, Tone.DANGER, null);
        List<ControlRow> rows = new ArrayList<>();
        rows.add(ControlRow.of(
                Control.Button.of(Ids.deleteConfirm(integration.id(), integration.version(), preview.fingerprint()),
                        used == 0 ? "Delete" : "Delete and pause " + Views.plural(used, "workflow"), Control.Style.DANGER),
                Control.Button.of(Ids.of(Ids.DELETE_CANCEL, integration.id()), "Cancel", Control.Style.SECONDARY)));
        if (used > 0 && !preview.alternatives().isEmpty()) {
            rows.add(ControlRow.of(new Control.Select(
                    Ids.deleteMove(integration.id(), integration.version(), preview.fingerprint()),
                    "Move " + (used == 1 ? "it" : "them") + " to another integration, then delete…",
                    preview.alternatives().stream().limit(Limits.SELECT_OPTIONS)
                            .map(other -> Option.of(other.id().toString(), Limits.fit(other.label(), Limits.OPTION_TEXT),
                                    Limits.fit(other.summary(), Limits.OPTION_TEXT)))
                            .toList())));
        }
        return new Message("", List.of(card), rows);
    }
}
