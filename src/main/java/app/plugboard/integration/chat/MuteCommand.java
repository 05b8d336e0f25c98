package app.plugboard.integration.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Mute alerts" (in a notice, and among the edit choices) and "Unmute alerts": whether the owner gets a
 * direct message when the integration breaks or recovers. A muted integration is still checked and its
 * status still shown.
 */
@Component
class MuteCommand implements ComponentRoutes {

    record Mute(IntegrationId integration, boolean muted) implements Action {
        static final ActionType<Mute> TYPE = ActionType.of(IntegrationCommands.FEATURE, "mute",
                arguments -> new Mute(arguments.as(IntegrationId::parse), arguments.smallNumber() == 1));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration, muted ? 1 : 0);
        }
    }

    private final IntegrationService integrations;

    MuteCommand(IntegrationService integrations) {
        this.integrations = integrations;
    }

    static Control.Button muteButton(IntegrationId integration, boolean mute) {
        return Control.Button.of(new Mute(integration, mute), mute ? "Mute alerts" : "Unmute alerts", Control.Style.SECONDARY);
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onClick(Mute.TYPE, (click, mute) -> Response.later(() ->
                answer(integrations.muteAlerts(click.user(), mute.integration(), mute.muted())))));
    }

    private static Message answer(IntegrationView integration) {
        String text = integration.alertsMuted()
                ? "🔕 Alerts for **" + integration.label() + "** are muted: you get no direct message when it stops "
                        + "working or works again. It is still checked, and `/integration list` shows its status."
                : "🔔 Alerts for **" + integration.label() + "** are on again: you get a direct message when it stops "
                        + "working, and when it works again.";
        return Message.text(text).withRow(ControlRow.of(muteButton(integration.id(), !integration.alertsMuted()),
                IntegrationMessages.allIntegrations()));
    }
}
