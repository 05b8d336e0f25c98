package app.plugboard.integration.chat;

import static app.plugboard.integration.chat.BrowseHandlers.handler;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.QuickRead;
import app.plugboard.chat.Response;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationView;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opening forms from buttons: rename, new credentials or address, Gmail sign-in, and "Try again". */
@Configuration(proxyBeanMethods = false)
class FormHandlers {

    static final String SLOW = "Plugboard is slow to answer right now. Nothing was changed; try again in a moment.";

    @Bean
    ComponentHandler integrationRenameForm(IntegrationService integrations, SettingsForms forms, QuickRead quickRead) {
        return handler(Ids.RENAME, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            long version = Ids.number(id, 1);
            return quickRead.within(() -> integrations.get(event.user(), integration))
                    .<Response>map(view -> forms.open(event.user(), new FormDraft(FormDraft.Intent.RENAME, view.type(),
                            view.kind(), view.label(), integration, version, Map.of(IntegrationService.LABEL, view.label()))))
                    .orElseGet(() -> Response.reply(SLOW));
        });
    }

    @Bean
    ComponentHandler integrationSettingsForm(IntegrationService integrations, SettingsForms forms, QuickRead quickRead) {
        return handler(Ids.SETTINGS_FORM, (event, id) -> {
            FormPurpose purpose = Ids.purpose(id, 0);
            IntegrationId integration = Ids.integration(id, 1);
            long version = Ids.number(id, 2);
            record Current(IntegrationView view, IntegrationSettings settings) {
            }
            Optional<Current> current = quickRead.within(() -> new Current(
                    integrations.get(event.user(), integration), integrations.settings(event.user(), integration)));
            if (current.isEmpty()) {
                return Response.reply(SLOW);
            }
            IntegrationView view = current.get().view();
            TypeForms typeForms = forms.of(view.type());
            if (!typeForms.editChoices(view.kind()).contains(purpose)) {
                throw new ExpiredException();
            }
            return forms.open(event.user(), new FormDraft(FormDraft.Intent.of(purpose), view.type(), view.kind(),
                    view.label(), integration, version, typeForms.prefill(current.get().settings())));
        });
    }

    @Bean
    ComponentHandler integrationReauthenticate(IntegrationService integrations, GmailConnect gmail) {
        return handler(Ids.REAUTHENTICATE, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            return Response.later(() -> gmail.connect(event.user(), integrations.get(event.user(), integration).label(), integration));
        });
    }

    @Bean
    ComponentHandler integrationFormRetry(SettingsForms forms) {
        return handler(Ids.RETRY, (event, id) -> {
            if (!(event instanceof ChatEvent.Click)) {
                throw new ExpiredException();
            }
            return forms.reopen(event.user(), id.arg(0));
        });
    }
}
