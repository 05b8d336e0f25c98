package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserId;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationId;
import app.plugboard.workflow.WorkflowService;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /integration check integration:<x>}: checks the connection now and shows the outcome. */
@Component
class CheckCommand implements CommandHandler {

    private final IntegrationPicker picker;
    private final ConnectionChecker checker;
    private final WorkflowService workflows;
    private final Clock clock;

    CheckCommand(IntegrationPicker picker, ConnectionChecker checker, WorkflowService workflows, Clock clock) {
        this.picker = picker;
        this.checker = checker;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("check", "Check a connection now",
                CommandSpec.Parameter.autocompleted(IntegrationPicker.OPTION, "Which of your integrations"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later("Checking the connection…",
                () -> checkNow(event.user(), picker.resolve(event.user(), event.option(IntegrationPicker.OPTION)).id()));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    Message checkNow(UserId user, IntegrationId id) {
        ConnectionChecker.Checked checked = checker.checkNow(user, id);
        String note = switch (checked.result().status()) {
            case CONNECTED -> "✅ Checked just now: " + checked.result().message();
            case PENDING -> "💾 " + checked.result().message();
            default -> "⚠️ Checked just now: " + checked.result().message();
        };
        return Views.detail(checked.integration(), workflows.usingIntegration(user, id), clock.instant(),
                Limits.fit(note, 1000));
    }
}
