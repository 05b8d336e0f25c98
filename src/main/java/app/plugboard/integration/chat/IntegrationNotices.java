package app.plugboard.integration.chat;

import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.integration.AlertChanged;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What Plugboard tells a person, unasked, about one of their integrations: that it stopped working (in the
 * words the list uses), that they must sign in again, or that it works again; with what fixes it one click
 * away. The watch sends these; the list repeats one that could not be sent.
 */
@Component
public class IntegrationNotices {

    private final OfferedTypes types;

    IntegrationNotices(OfferedTypes types) {
        this.types = types;
    }

    /** The direct message about this change: Check now, Edit or Reconnect, Mute alerts. */
    public Message notice(AlertChanged notice) {
        String name = "**" + notice.label() + "** (" + typeName(notice.type()) + ")";
        String reason = notice.reason() == null ? "" : " " + notice.reason();
        String text = switch (notice.change()) {
            case BROKEN -> IntegrationMessages.emoji(IntegrationStatus.ERROR) + " " + name
                    + " stopped working:" + reason;
            case NEEDS_REAUTHENTICATION -> IntegrationMessages.emoji(IntegrationStatus.NEEDS_REAUTHENTICATION)
                    + " " + name + " needs you to sign in again:" + reason;
            case RECOVERED -> IntegrationMessages.emoji(IntegrationStatus.CONNECTED) + " " + name
                    + " works again.";
        };
        return Message.text(Limits.fit(text, Limits.CONTENT)).withRow(new ControlRow(buttons(notice)));
    }

    private List<Control> buttons(AlertChanged notice) {
        IntegrationId id = notice.id();
        List<Control> buttons = new ArrayList<>();
        if (notice.change() != AlertChanged.Change.RECOVERED) {
            buttons.add(Control.Button.of(new CheckCommand.CheckNow(id), "Check now", Control.Style.SECONDARY));
            buttons.add(signsIn(notice.type())
                    ? Control.Button.of(new EditCommand.Reauthenticate(id), "Reconnect", Control.Style.PRIMARY)
                    : Control.Button.of(new EditCommand.ShowChoices(id), "Edit", Control.Style.PRIMARY));
        }
        buttons.add(MuteCommand.muteButton(id, true));
        return buttons;
    }

    private boolean signsIn(String typeId) {
        return type(typeId).flatMap(types::wayIn).filter(SignInLink.class::isInstance).isPresent();
    }

    private String typeName(String typeId) {
        return type(typeId).map(IntegrationType::displayName).orElse(typeId);
    }

    private Optional<IntegrationType> type(String typeId) {
        return types.all().stream().filter(type -> type.id().equals(typeId)).findFirst();
    }
}
