package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.integration.IntegrationView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /integration edit integration:<x>}: the edit choices that fit its type. */
@Component
class EditCommand implements CommandHandler {

    private final IntegrationPicker picker;
    private final SettingsForms forms;

    EditCommand(IntegrationPicker picker, SettingsForms forms) {
        this.picker = picker;
        this.forms = forms;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("edit", "Rename, replace credentials, change an address or sign in again",
                CommandSpec.Parameter.autocompleted(IntegrationPicker.OPTION, "Which of your integrations"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> choices(picker.resolve(event.user(), event.option(IntegrationPicker.OPTION))));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    /** Rename, then what fits the type, then a way back. */
    Message choices(IntegrationView integration) {
        List<Control> buttons = new ArrayList<>();
        buttons.add(Control.Button.of(Ids.of(Ids.RENAME, integration.id(), integration.version()), "Rename", Control.Style.PRIMARY));
        if (forms.hasForm(integration.type())) {
            for (FormPurpose purpose : forms.of(integration.type()).editChoices(integration.kind())) {
                buttons.add(Control.Button.of(Ids.settingsForm(purpose, integration.id(), integration.version()),
                        purpose.displayName(), Control.Style.PRIMARY));
            }
        } else {
            buttons.add(Control.Button.of(Ids.of(Ids.REAUTHENTICATE, integration.id()), "Re-authenticate", Control.Style.PRIMARY));
        }
        buttons.add(Control.Button.of(Ids.of(Ids.CHECK, integration.id()), "Check now", Control.Style.SECONDARY));
        return Message.text("What would you like to change about **" + integration.label() + "** ("
                        + integration.type().displayName() + ")? New credentials are checked before they replace the old ones.")
                .withRow(new ControlRow(buttons));
    }
}
