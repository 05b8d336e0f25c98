package app.plugboard.integration.chat;

import static app.plugboard.integration.chat.BrowseHandlers.handler;

import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delete: the question, the confirmation (at the version that was shown) and the cancel. */
@Configuration(proxyBeanMethods = false)
class DeleteHandlers {

    static final String CANCELLED = "Nothing was deleted.";

    @Bean
    ComponentHandler integrationDeletePrompt(IntegrationService integrations, DeleteCommand delete) {
        return handler(Ids.DELETE, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            return Response.inPlace(() -> delete.prompt(event.user(), integrations.get(event.user(), integration)));
        });
    }

    @Bean
    ComponentHandler integrationDeleteConfirm(IntegrationService integrations, DeleteCommand delete) {
        return handler(Ids.DELETE_CONFIRM, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            long version = Ids.number(id, 1);
            return Response.inPlace(() -> {
                IntegrationView shown = integrations.get(event.user(), integration);
                try {
                    integrations.delete(event.user(), integration, version);
                } catch (ChangedMeanwhileException e) {
                    Message again = delete.prompt(event.user(), integrations.get(event.user(), integration));
                    return new Message("⚠️ " + shown.label() + " changed since you were asked, so nothing was deleted. "
                            + "Here it is as it is now:", again.cards(), again.rows());
                }
                return Message.text("🗑️ Deleted " + shown.label() + ".")
                        .withRow(ControlRow.of(Control.Button.of(Ids.page(0), "All integrations", Control.Style.SECONDARY)));
            });
        });
    }

    @Bean
    ComponentHandler integrationDeleteCancel() {
        return handler(Ids.DELETE_CANCEL, (event, id) -> {
            Ids.integration(id, 0);
            return new Response.Update(Message.text(CANCELLED)
                    .withRow(ControlRow.of(Control.Button.of(Ids.page(0), "All integrations", Control.Style.SECONDARY))));
        });
    }
}
