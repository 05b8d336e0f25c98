package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.workflow.WorkflowService;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** {@code /integration list}: every integration of the caller, with status and what to fix. */
@Component
class ListCommand implements CommandHandler {

    private final IntegrationService integrations;
    private final WorkflowService workflows;
    private final Clock clock;

    ListCommand(IntegrationService integrations, WorkflowService workflows, Clock clock) {
        this.integrations = integrations;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("list", "Your integrations, their status, and what to fix");
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> page(event.user(), 0));
    }

    Message page(UserId user, int page) {
        return Views.listPage(integrations.list(user), workflows.usageCounts(user), page, clock.instant());
    }
}
