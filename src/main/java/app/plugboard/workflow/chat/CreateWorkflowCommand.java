package app.plugboard.workflow.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /workflow create name:<text> integrations:<one or more of one's own, comma-separated>}. */
@Component
class CreateWorkflowCommand implements CommandHandler {

    static final String NAME = "name";

    private final WorkflowService workflows;
    private final IntegrationService integrations;
    private final IntegrationListOption integrationList;

    CreateWorkflowCommand(WorkflowService workflows, IntegrationService integrations, IntegrationListOption integrationList) {
        this.workflows = workflows;
        this.integrations = integrations;
        this.integrationList = integrationList;
    }

    @Override
    public String command() {
        return WorkflowCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("create", "Create a workflow that uses some of your integrations",
                CommandSpec.Parameter.required(NAME, "Its name, such as Morning digest", WorkflowService.MAX_NAME_LENGTH),
                CommandSpec.Parameter.autocompleted(IntegrationListOption.OPTION,
                        "The integrations it uses, separated by commas (start typing)"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        String name = WorkflowService.validName(event.option(NAME));
        return Response.later(() -> {
            // read before the commit: a read after it that failed would tell the person their stored workflow failed
            Map<app.plugboard.integration.IntegrationId, IntegrationView> byId = integrations.list(event.user()).stream()
                    .collect(Collectors.toMap(IntegrationView::id, Function.identity()));
            WorkflowView created = workflows.create(event.user(), name,
                    integrationList.resolve(event.user(), event.option(IntegrationListOption.OPTION)));
            return Message.text(Limits.fit("✅ Created the workflow " + created.name() + ". It uses "
                    + WorkflowMessages.labels(created, byId) + ".", Limits.CONTENT));
        });
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return IntegrationListOption.OPTION.equals(event.focused()) ? integrationList.suggest(event) : List.of();
    }
}
