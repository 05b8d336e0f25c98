package app.plugboard.integration.chat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserId;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationDependents;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationWatch;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /integration check integration:<x>}, and the "Check now" button: checks the connection now and shows the outcome. */
@Component
class CheckCommand implements CommandHandler, ComponentRoutes {

    static final String CHECKING = "Checking the connection…";

    record CheckNow(IntegrationId integration) implements Action {
        static final ActionType<CheckNow> TYPE = ActionType.of(IntegrationCommands.FEATURE, "check",
                arguments -> new CheckNow(arguments.as(IntegrationId::parse)));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    private final IntegrationPicker picker;
    private final ConnectionChecker checker;
    private final IntegrationDependents dependents;
    private final IntegrationWatch watch;
    private final Clock clock;

    CheckCommand(IntegrationPicker picker, ConnectionChecker checker, IntegrationDependents dependents, IntegrationWatch watch,
            Clock clock) {
        this.picker = picker;
        this.checker = checker;
        this.dependents = dependents;
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("check", "Check a connection now",
                CommandSpec.Parameter.autocompleted(picker.option(), "Which of your integrations"));
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(CHECKING, () -> checkNow(event.user(), picker.resolve(event).id()));
    }

    @Override
    public List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return picker.suggest(event);
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(ComponentRoute.onClick(CheckNow.TYPE, (click, check) ->
                Response.inPlace(CHECKING, () -> checkNow(click.user(), check.integration()))));
    }

    private Message checkNow(UserId user, IntegrationId id) {
        ConnectionChecker.Checked checked = checker.checkNow(user, id);
        String note = switch (checked.result().status()) {
            case CONNECTED -> "✅ Checked just now: " + checked.result().message();
            case PENDING -> "💾 " + checked.result().message();
            default -> "⚠️ Checked just now: " + checked.result().message();
        };
        return IntegrationMessages.detail(checked.integration(), dependents.dependents(user, id),
                watch.nextChecks(List.of(id)).get(id), clock.instant(), Limits.fit(note, 1000));
    }
}
