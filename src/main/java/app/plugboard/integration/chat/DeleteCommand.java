package app.plugboard.integration.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.Card;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.chat.Tone;
import app.plugboard.common.UserFacingException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationDeletion;
import app.plugboard.integration.IntegrationDependents.Dependent;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /integration delete integration:<x>}, and the "Delete" button: asks first. When workflows use
 * the integration, the question lists them, says what will happen to them, and offers to move them to
 * another integration of the same type instead. The confirmation carries exactly what was shown; the
 * answer comes after the commit and says what happened.
 */
@Component
class DeleteCommand implements CommandHandler, ComponentRoutes {

    static final String CANCELLED = "Nothing was deleted.";

    record Ask(IntegrationId integration) implements Action {
        static final ActionType<Ask> TYPE = ActionType.of(IntegrationCommands.FEATURE, "del",
                arguments -> new Ask(arguments.as(IntegrationId::parse)));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    /** Carries what the question showed: the integration's version and the fingerprint of the workflows using it. */
    record Confirm(IntegrationId integration, long version, String fingerprint) implements Action {
        static final ActionType<Confirm> TYPE = ActionType.of(IntegrationCommands.FEATURE, "del-ok",
                arguments -> new Confirm(arguments.as(IntegrationId::parse), arguments.number(), arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration, version, fingerprint);
        }
    }

    /** The same as {@link Confirm}, from the select of other integrations to move the workflows to first. */
    record MoveThenDelete(IntegrationId integration, long version, String fingerprint) implements Action {
        static final ActionType<MoveThenDelete> TYPE = ActionType.of(IntegrationCommands.FEATURE, "del-move",
                arguments -> new MoveThenDelete(arguments.as(IntegrationId::parse), arguments.number(), arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration, version, fingerprint);
        }
    }

    record Cancel(IntegrationId integration) implements Action {
        static final ActionType<Cancel> TYPE = ActionType.of(IntegrationCommands.FEATURE, "del-no",
                arguments -> new Cancel(arguments.as(IntegrationId::parse)));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    private final IntegrationPicker picker;
    private final IntegrationDeletion deletion;
    private final IntegrationService integrations;
    private final OfferedTypes types;

    DeleteCommand(IntegrationPicker picker, IntegrationDeletion deletion, IntegrationService integrations, OfferedTypes types) {
        this.picker = picker;
        this.deletion = deletion;
        this.integrations = integrations;
        this.types = types;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("delete", "Delete an integration; you are asked first and told which workflows use it",
                CommandSpec.Parameter.autocompleted(picker.option(), "Which of your integrations"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> prompt(event.user(), picker.resolve(event).id()));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(
                ComponentRoute.onClick(Ask.TYPE, (click, ask) -> Response.inPlace(() -> prompt(click.user(), ask.integration()))),
                ComponentRoute.onClick(Confirm.TYPE, (click, confirm) ->
                        delete(click.user(), confirm.integration(), confirm.version(), confirm.fingerprint(), null)),
                ComponentRoute.onChoice(MoveThenDelete.TYPE, IntegrationId::parse, (choice, move, target) ->
                        delete(choice.user(), move.integration(), move.version(), move.fingerprint(), target)),
                ComponentRoute.onClick(Cancel.TYPE, (click, cancel) ->
                        new Response.Update(Message.text(CANCELLED).withRow(ControlRow.of(IntegrationMessages.allIntegrations())))));
    }

    /** The question, carrying what it shows (version and workflows): a change in between makes the answer stale. */
    private Message prompt(UserId user, IntegrationId id) {
        IntegrationDeletion.Preview preview = deletion.preview(user, id);
        IntegrationView integration = preview.integration();
        int used = preview.using().size();
        List<Card.Entry> entries = new ArrayList<>();
        StringBuilder description = new StringBuilder(integration.type().displayName()).append(" · ")
                .append(integration.summary())
                .append("\nThis removes the integration and its stored credentials. It cannot be undone.");
        if (used > 0) {
            entries.add(Card.Entry.of("Used by " + IntegrationMessages.plural(used, "workflow"),
                    IntegrationMessages.workflowListWithStates(preview.using())));
            entries.add(Card.Entry.of("What happens to them",
                    (used == 1 ? "It is paused and loses " : "They are paused and lose ") + integration.label()
                            + ". Nothing else is deleted."
                            + (preview.alternatives().isEmpty() ? "" : " Or move them to another integration below.")));
        }
        Card card = new Card(Limits.fit("Delete " + integration.label() + "?", Limits.CARD_TITLE),
                Limits.fit(description.toString(), Limits.CARD_DESCRIPTION), entries, Tone.DANGER, null);
        List<ControlRow> rows = new ArrayList<>();
        rows.add(ControlRow.of(
                Control.Button.of(new Confirm(integration.id(), integration.version(), preview.fingerprint()),
                        used == 0 ? "Delete" : "Delete and pause " + IntegrationMessages.plural(used, "workflow"),
                        Control.Style.DANGER),
                Control.Button.of(new Cancel(integration.id()), "Cancel", Control.Style.SECONDARY)));
        if (used > 0 && !preview.alternatives().isEmpty()) {
            rows.add(ControlRow.of(Control.Select.of(
                    new MoveThenDelete(integration.id(), integration.version(), preview.fingerprint()),
                    "Move " + (used == 1 ? "it" : "them") + " to another integration, then delete…",
                    preview.alternatives().stream().limit(Limits.SELECT_OPTIONS)
                            .map(other -> Option.of(other.id().toString(), Limits.fit(other.label(), Limits.OPTION_TEXT),
                                    Limits.fit(other.summary(), Limits.OPTION_TEXT)))
                            .toList())));
        }
        return new Message("", List.of(card), rows);
    }

    private Response delete(UserId user, IntegrationId integration, long version, String fingerprint,
            @Nullable IntegrationId moveTo) {
        return Response.inPlace(() -> {
            Optional<String> note = deletionNote(user, integration);
            IntegrationDeletion.Outcome outcome;
            try {
                outcome = deletion.delete(user, integration, version, fingerprint, moveTo);
            } catch (IntegrationDeletion.ChangedSinceShownException e) {
                Message again = prompt(user, integration);
                return new Message("⚠️ This changed since you were asked (its settings, or the workflows that use it), "
                        + "so nothing was deleted. Here it is as it is now:", again.cards(), again.rows());
            }
            return Message.text(Limits.fit(done(outcome) + note.map(text -> "\n" + text).orElse(""), Limits.CONTENT))
                    .withRow(ControlRow.of(IntegrationMessages.allIntegrations()));
        });
    }

    /** What the type adds to the answer (where to remove access at its service), read while the integration still exists. */
    private Optional<String> deletionNote(UserId user, IntegrationId id) {
        try {
            return types.wayIn(integrations.get(user, id).type())
                    .flatMap(way -> way instanceof SignInLink signIn ? signIn.deletionNote(user, id) : Optional.empty());
        } catch (UserFacingException e) {
            return Optional.empty(); // gone or unreadable: the delete itself says what is so
        }
    }

    /** "Deleted Work mail. Paused 2 workflows: Morning digest, Invoices." */
    static String done(IntegrationDeletion.Outcome outcome) {
        StringBuilder text = new StringBuilder("🗑️ Deleted ").append(outcome.deleted().label()).append('.');
        if (!outcome.paused().isEmpty()) {
            text.append(" Paused ").append(IntegrationMessages.plural(outcome.paused().size(), "workflow")).append(": ")
                    .append(names(outcome.paused())).append('.');
        }
        if (outcome.movedTo() != null && !outcome.moved().isEmpty()) {
            text.append(" Moved ").append(IntegrationMessages.plural(outcome.moved().size(), "workflow")).append(" to ")
                    .append(outcome.movedTo().label()).append(": ").append(names(outcome.moved())).append('.');
        }
        return text.toString();
    }

    private static String names(List<Dependent> workflows) {
        String shown = workflows.stream().limit(IntegrationMessages.WORKFLOWS_SHOWN).map(Dependent::name)
                .collect(Collectors.joining(", "));
        int more = workflows.size() - IntegrationMessages.WORKFLOWS_SHOWN;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }
}
