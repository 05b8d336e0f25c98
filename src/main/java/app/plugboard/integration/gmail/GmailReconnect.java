package app.plugboard.integration.gmail;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Response;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.chat.GmailConnect;
import org.springframework.stereotype.Component;

/** The "Reconnect" button of a notice: a new sign-in link for the same integration, for its owner only. */
@Component
@ConditionalOnGmailSignIn
class GmailReconnect implements ComponentHandler {

    static final String FEATURE = "gmail";
    static final String ACTION = "reconnect";

    private final GmailConnect gmail;
    private final IntegrationService integrations;

    GmailReconnect(GmailConnect gmail, IntegrationService integrations) {
        this.gmail = gmail;
        this.integrations = integrations;
    }

    static ComponentId id(IntegrationId integration) {
        return ComponentId.of(FEATURE, ACTION, integration);
    }

    @Override
    public String route() {
        return FEATURE + ":" + ACTION;
    }

    @Override
    public Response handle(ChatEvent event, ComponentId id) {
        IntegrationId integration;
        try {
            integration = IntegrationId.parse(id.arg(0));
        } catch (IllegalArgumentException e) {
            throw new ExpiredException();
        }
        return Response.later(() -> gmail.connect(event.user(), integrations.get(event.user(), integration).label(), integration));
    }
}
