package app.plugboard.integration.oauthmail;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Control;
import app.plugboard.chat.Response;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Signing in again, from the chat, for every OAuth mail type: the "Reconnect" button (its id names the type,
 * {@code gmail:reconnect:<id>}, {@code outlook:reconnect:<id>}; a click makes a new sign-in link for the same
 * integration, for its owner only). The notice that a provider no longer accepts an integration's access is the
 * watch's (its Reconnect is {@code /integration edit}'s Re-authenticate); this button stays for notices sent
 * before.
 */
@Component
@ConditionalOnSignIn
class OAuthMailReconnect implements ComponentRoutes {

    /** The Reconnect button of the type whose key is {@code feature}. */
    record Reconnect(String feature, IntegrationId integration) implements Action {
        static ActionType<Reconnect> type(String feature) {
            return ActionType.of(feature, "reconnect", arguments -> new Reconnect(feature, arguments.as(IntegrationId::parse)));
        }

        @Override
        public ComponentId componentId() {
            return type(feature).id(integration);
        }
    }

    private final MailProviders providers;
    private final OAuthMailSignIn signIn;
    private final IntegrationService integrations;

    OAuthMailReconnect(MailProviders providers, OAuthMailSignIn signIn, IntegrationService integrations) {
        this.providers = providers;
        this.signIn = signIn;
        this.integrations = integrations;
    }

    static Control.Button button(MailProvider provider, IntegrationId integration) {
        return Control.Button.of(new Reconnect(provider.type().key(), integration), "Reconnect", Control.Style.PRIMARY);
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return providers.all().stream().map(provider -> ComponentRoute.onClick(Reconnect.type(provider.type().key()),
                (click, reconnect) -> Response.later(() -> signIn.connect(provider, click.user(),
                        integrations.get(click.user(), reconnect.integration()).label(), reconnect.integration()))))
                .toList();
    }
}
