package app.plugboard.workflow.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ComponentHandler;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /workflow list}: each workflow, its state and the integrations it uses, by label; pages past 25. */
@Component
class ListWorkflowsCommand implements CommandHandler, ComponentHandler {

    private final WorkflowService workflows;
    private final IntegrationService integrations;

    ListWorkflowsCommand(WorkflowService workflows, IntegrationService integrations) {
        this.workflows = workflows;
        this.integrations = integrations;
    }

    @Override
    public String command() {
        return WorkflowCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("list", "Your workflows, their state and the integrations they use");
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> page(event.user(), 0));
    }

    @Override
    public String route() {
        return WorkflowViews.pageId(0).route();
    }

    @Override
    public Response handle(ChatEvent event, ComponentId id) {
        int page;
        try {
            page = Integer.parseInt(id.arg(0));
        } catch (NumberFormatException e) {
            page = 0;
        }
        int requested = page;
        return Response.inPlace(() -> page(event.user(), requested));
    }

    private Message page(UserId user, int page) {
        return WorkflowViews.page(workflows.list(user), integrations.list(user).stream()
                .collect(Collectors.toMap(IntegrationView::id, Function.identity())), page);
    }
}
