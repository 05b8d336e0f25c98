package app.plugboard.integration.chat;

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
import app.plugboard.chat.QuickRead;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code /integration edit integration:<x>}, and the "Edit" button: the edit choices that fit its type,
 * and what each opens (a rename form, the type's settings form, the type's sign-in link). An integration of
 * a type this Plugboard no longer knows can only be deleted.
 */
@Component
class EditCommand implements CommandHandler, ComponentRoutes {

    static final String SLOW = "Plugboard is slow to answer right now. Nothing was changed; try again in a moment.";

    record ShowChoices(IntegrationId integration) implements Action {
        static final ActionType<ShowChoices> TYPE = ActionType.of(IntegrationCommands.FEATURE, "edit",
                arguments -> new ShowChoices(arguments.as(IntegrationId::parse)));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    /** @param version the version shown: a rename of something changed since is refused */
    record Rename(IntegrationId integration, long version) implements Action {
        static final ActionType<Rename> TYPE = ActionType.of(IntegrationCommands.FEATURE, "rename",
                arguments -> new Rename(arguments.as(IntegrationId::parse), arguments.number()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration, version);
        }
    }

    /** New credentials, a new address, the sending server: the type's form for that purpose. */
    record OpenSettingsForm(FormPurpose purpose, IntegrationId integration, long version) implements Action {
        static final ActionType<OpenSettingsForm> TYPE = ActionType.of(IntegrationCommands.FEATURE, "form",
                arguments -> new OpenSettingsForm(arguments.as(FormPurpose.class), arguments.as(IntegrationId::parse),
                        arguments.number()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(purpose.name(), integration, version);
        }
    }

    /** A type that signs in has no form: a new sign-in link for the same integration. */
    record Reauthenticate(IntegrationId integration) implements Action {
        static final ActionType<Reauthenticate> TYPE = ActionType.of(IntegrationCommands.FEATURE, "reauth",
                arguments -> new Reauthenticate(arguments.as(IntegrationId::parse)));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    private final IntegrationPicker picker;
    private final OfferedTypes types;
    private final SettingsForms forms;
    private final IntegrationService integrations;
    private final QuickRead quickRead;

    EditCommand(IntegrationPicker picker, OfferedTypes types, SettingsForms forms, IntegrationService integrations,
            QuickRead quickRead) {
        this.picker = picker;
        this.types = types;
        this.forms = forms;
        this.integrations = integrations;
        this.quickRead = quickRead;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("edit", "Rename, replace credentials, change a calendar's address or sign in to Gmail or Outlook again",
                CommandSpec.Parameter.autocompleted(picker.option(), "Which of your integrations"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> choices(picker.resolve(event)));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(
                ComponentRoute.onClick(ShowChoices.TYPE, (click, show) ->
                        Response.inPlace(() -> choices(integrations.get(click.user(), show.integration())))),
                ComponentRoute.onClick(Rename.TYPE, this::openRenameForm),
                ComponentRoute.onClick(OpenSettingsForm.TYPE, this::openSettingsForm),
                ComponentRoute.onClick(Reauthenticate.TYPE, (click, reauthenticate) -> Response.later(() -> {
                    IntegrationView view = integrations.get(click.user(), reauthenticate.integration());
                    if (!(types.wayIn(view.type()).orElse(null) instanceof SignInLink signIn)) {
                        throw new ExpiredException();
                    }
                    return signIn.connect(click.user(), view.label(), reauthenticate.integration());
                })));
    }

    /** Rename, then what fits the type, then a way back. */
    private Message choices(IntegrationView integration) {
        if (!integration.known()) {
            return IntegrationMessages.deleteOnly(integration);
        }
        List<Control> buttons = new ArrayList<>();
        buttons.add(Control.Button.of(new Rename(integration.id(), integration.version()), "Rename", Control.Style.PRIMARY));
        WayIn way = types.wayIn(integration.type()).orElse(null);
        if (way instanceof TypeForms typeForms) {
            for (FormPurpose purpose : typeForms.editChoices(integration.kind())) {
                buttons.add(Control.Button.of(new OpenSettingsForm(purpose, integration.id(), integration.version()),
                        purpose.displayName(), Control.Style.PRIMARY));
            }
        } else if (way instanceof SignInLink) {
            buttons.add(Control.Button.of(new Reauthenticate(integration.id()), "Re-authenticate", Control.Style.PRIMARY));
        }
        buttons.add(IntegrationMessages.checkNow(integration));
        return Message.text("What would you like to change about **" + integration.label() + "** ("
                        + integration.type().displayName() + ")? New credentials are checked before they replace the old ones."
                        + (integration.alertsMuted() ? " Its alerts are muted." : ""))
                .withRow(new ControlRow(buttons))
                .withRow(ControlRow.of(MuteCommand.muteButton(integration.id(), !integration.alertsMuted())));
    }

    /** A form is a first answer: the read before it gets a short deadline. */
    private Response openRenameForm(ChatEvent.Click click, Rename rename) {
        return quickRead.within(() -> integrations.get(click.user(), rename.integration()))
                .<Response>map(view -> forms.open(click.user(), new FormDraft(FormDraft.Intent.RENAME, view.type(),
                        view.kind(), view.label(), rename.integration(), rename.version(),
                        Map.of(IntegrationService.LABEL, view.label()))))
                .orElseGet(() -> Response.reply(SLOW));
    }

    private Response openSettingsForm(ChatEvent.Click click, OpenSettingsForm open) {
        record Current(IntegrationView view, IntegrationSettings settings) {
        }
        Optional<Current> current = quickRead.within(() -> new Current(
                integrations.get(click.user(), open.integration()), integrations.settings(click.user(), open.integration())));
        if (current.isEmpty()) {
            return Response.reply(SLOW);
        }
        IntegrationView view = current.get().view();
        if (!(types.wayIn(view.type()).orElse(null) instanceof TypeForms typeForms)
                || !typeForms.editChoices(view.kind()).contains(open.purpose())) {
            throw new ExpiredException();
        }
        return forms.open(click.user(), new FormDraft(FormDraft.Intent.of(open.purpose()), view.type(), view.kind(),
                view.label(), open.integration(), open.version(), typeForms.prefill(current.get().settings())));
    }
}
