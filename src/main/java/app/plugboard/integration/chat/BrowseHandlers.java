package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Response;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.workflow.WorkflowService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Moving around the list: pages, picking one, and the edit choices of one. */
@Configuration(proxyBeanMethods = false)
class BrowseHandlers {

    /** Previous / Next, and "All integrations". */
    @Bean
    ComponentHandler integrationListPage(ListCommand list) {
        return handler(Ids.PAGE, (event, id) -> {
            long page = Ids.number(id, 0);
            return Response.inPlace(() -> list.page(event.user(), (int) Math.max(0, Math.min(page, 10_000))));
        });
    }

    /** An integration chosen in the list's select. */
    @Bean
    ComponentHandler integrationPick(IntegrationService integrations, WorkflowService workflows, Clock clock) {
        return handler(Ids.PICK, (event, id) -> {
            if (!(event instanceof ChatEvent.Choose choose) || choose.values().size() != 1) {
                throw new ExpiredException();
            }
            IntegrationId picked;
            try {
                picked = IntegrationId.parse(choose.values().get(0));
            } catch (IllegalArgumentException e) {
                throw new ExpiredException();
            }
            return Response.inPlace(() -> Views.detail(integrations.get(event.user(), picked),
                    workflows.usingIntegration(event.user(), picked), clock.instant(), null));
        });
    }

    @Bean
    ComponentHandler integrationEditChoices(IntegrationService integrations, EditCommand edit) {
        return handler(Ids.EDIT, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            return Response.inPlace(() -> edit.choices(integrations.get(event.user(), integration)));
        });
    }

    @Bean
    ComponentHandler integrationCheckNow(CheckCommand check) {
        return handler(Ids.CHECK, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            return new Response.Later(app.plugboard.chat.Message.text("Checking the connection…"), true,
                    () -> check.checkNow(event.user(), integration));
        });
    }

    interface Handling {
        Response handle(ChatEvent event, ComponentId id);
    }

    static ComponentHandler handler(String action, Handling handling) {
        String route = Ids.route(action);
        return new ComponentHandler() {
            @Override
            public String route() {
                return route;
            }

            @Override
            public Response handle(ChatEvent event, ComponentId id) {
                return handling.handle(event, id);
            }
        };
    }
}
