package app.plugboard.integration.gmail;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Response;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import java.util.List;
import org.springframework.stereotype.Component;

/** The "Reconnect" button of a notice: a new sign-in link for the same integration, for its owner only. */
@Component
@ConditionalOnGmailSignIn
class GmailReconnect implements ComponentRoutes {

    record Reconnect(IntegrationId integration) implements Action {
        static final ActionType<Reconnect> TYPE = ActionType.of("gmail", "reconnect",
                arguments -> new Reconnect(arguments.as(IntegrationId::parse)));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    private final GmailSignIn gmail;
    private final IntegrationService integrations;

    GmailReconnect(GmailSignIn gmail, IntegrationService integrations) {
        this.gmail = gmail;
        this.integrations = integrations;
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onClick(Reconnect.TYPE, (click, reconnect) -> Response.later(() ->
                gmail.connect(click.user(), integrations.get(click.user(), reconnect.integration()).label(), reconnect.integration()))));
    }
}
