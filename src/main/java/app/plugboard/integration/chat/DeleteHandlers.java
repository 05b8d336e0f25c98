package app.plugboard.integration.chat;

import static app.plugboard.integration.chat.BrowseHandlers.handler;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.workflow.SafeDelete;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delete: the question, the confirmation (of exactly what was shown), moving the workflows
 * elsewhere first, and the cancel. The answer comes after the commit and says what happened.
 */
@Configuration(proxyBeanMethods = false)
class DeleteHandlers {

    static final String CANCELLED = "Nothing was deleted.";

    @Bean
    ComponentHandler integrationDeletePrompt(DeleteCommand delete) {
        return handler(Ids.DELETE, (event, id) -> {
            IntegrationId integration = Ids.integration(id, 0);
            return Response.inPlace(() -> delete.prompt(event.user(), integration));
        });
    }

    @Bean
    ComponentHandler integrationDeleteConfirm(SafeDelete safeDelete, DeleteCommand delete) {
        return handler(Ids.DELETE_CONFIRM, (event, id) -> confirm(event, id, null, safeDelete, delete));
    }

    @Bean
    ComponentHandler integrationDeleteMove(SafeDelete safeDelete, DeleteCommand delete) {
        return handler(Ids.DELETE_MOVE, (event, id) -> {
            if (!(event instanceof ChatEvent.Choose choose) || choose.values().size() != 1) {
                throw new ExpiredException();
            }
            IntegrationId target;
            try {
                target = IntegrationId.parse(choose.values().get(0));
            } catch (IllegalArgumentException e) {
                throw new ExpiredException();
            }
            return confirm(event, id, target, safeDelete, delete);
        });
    }

    @Bean
    ComponentHandler integrationDeleteCancel() {
        return handler(Ids.DELETE_CANCEL, (event, id) -> {
            Ids.integration(id, 0);
            return new Response.Update(Message.text(CANCELLED).withRow(allIntegrations()));
        });
    }

    private static Response confirm(ChatEvent event, ComponentId id, @Nullable IntegrationId moveTo,
            SafeDelete safeDelete, DeleteCommand delete) {
        IntegrationId integration = Ids.integration(id, 0);
        long version = Ids.number(id, 1);
        String fingerprint = id.arg(2);
        UserId user = event.user();
        return Response.inPlace(() -> {
            SafeDelete.Outcome outcome;
            try {
                outcome = safeDelete.delete(user, integration, version, fingerprint, moveTo);
            } catch (SafeDelete.ChangedSinceShownException e) {
                Message again = delete.prompt(user, integration);
                return new Message("⚠️ This changed since you were asked (its settings, or the workflows that use it), "
                        + "so nothing was deleted. Here it is as it is now:", again.cards(), again.rows());
            }
            return Message.text(Limits.fit(done(outcome), Limits.CONTENT)).withRow(allIntegrations());
        });
    }

    /** "Deleted Work mail. Paused 2 workflows: Morning digest, Invoices." */
    static String done(SafeDelete.Outcome outcome) {
        StringBuilder text = new StringBuilder("🗑️ Deleted ").append(outcome.deleted().label()).append('.');
        if (!outcome.paused().isEmpty()) {
            text.append(" Paused ").append(Views.plural(outcome.paused().size(), "workflow")).append(": ")
                    .append(names(outcome.paused())).append('.');
        }
        if (outcome.movedTo() != null && !outcome.moved().isEmpty()) {
            text.append(" Moved ").append(Views.plural(outcome.moved().size(), "workflow")).append(" to ")
                    .append(outcome.movedTo().label()).append(": ").append(names(outcome.moved())).append('.');
        }
        return text.toString();
    }

    private static String names(List<WorkflowView> workflows) {
        String shown = workflows.stream().limit(Views.WORKFLOWS_SHOWN).map(WorkflowView::name).collect(Collectors.joining(", "));
        int more = workflows.size() - Views.WORKFLOWS_SHOWN;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }

    private static ControlRow allIntegrations() {
        return ControlRow.of(Control.Button.of(Ids.page(0), "All integrations", Control.Style.SECONDARY));
    }
}
