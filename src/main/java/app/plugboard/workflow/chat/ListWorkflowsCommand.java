package app.plugboard.workflow.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /workflow list}: each workflow, its state and the integrations it uses, by label; pages past 25. */
@Component
class ListWorkflowsCommand implements CommandHandler, ComponentRoutes {

    /** Previous / Next. */
    record ShowPage(int page) implements Action {
        static final ActionType<ShowPage> TYPE = ActionType.of(WorkflowCommands.FEATURE, "page",
                arguments -> new ShowPage(arguments.smallNumber()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(page);
        }
    }

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
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onClick(ShowPage.TYPE, (click, show) -> Response.inPlace(() -> page(click.user(), show.page()))));
    }

    private Message page(UserId user, int page) {
        return WorkflowMessages.page(workflows.list(user), integrations.list(user).stream()
                .collect(Collectors.toMap(IntegrationView::id, Function.identity())), page);
    }
}
