package app.plugboard.integration.chat;

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
import app.plugboard.integration.IntegrationDependents;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.IntegrationWatch;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /integration list}: every integration of the caller, with status and what to fix; its pages,
 * and picking one to see it in full.
 */
@Component
class ListCommand implements CommandHandler, ComponentRoutes {

    /** Previous / Next, and "All integrations". */
    record ShowPage(int page) implements Action {
        static final ActionType<ShowPage> TYPE = ActionType.of(IntegrationCommands.FEATURE, "page",
                arguments -> new ShowPage(arguments.smallNumber()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(page);
        }
    }

    /** The list's select; the integration chosen is the option's value. */
    record Pick() implements Action {
        static final ActionType<Pick> TYPE = ActionType.of(IntegrationCommands.FEATURE, "pick", arguments -> new Pick());

        @Override
        public ComponentId componentId() {
            return TYPE.id();
        }
    }

    private final IntegrationService integrations;
    private final IntegrationDependents dependents;
    private final OfferedTypes types;
    private final IntegrationWatch watch;
    private final IntegrationNotices notices;
    private final Clock clock;

    ListCommand(IntegrationService integrations, IntegrationDependents dependents, OfferedTypes types, IntegrationWatch watch,
            IntegrationNotices notices, Clock clock) {
        this.integrations = integrations;
        this.dependents = dependents;
        this.types = types;
        this.watch = watch;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("list", "Your integrations, their status and what to fix; pick one to edit, check or delete it");
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.later(() -> page(event.user(), 0));
    }

    @Override
    public List<ComponentRoute> componentRoutes() {
        return List.of(
                ComponentRoute.onClick(ShowPage.TYPE, (click, show) -> Response.inPlace(() -> page(click.user(), show.page()))),
                ComponentRoute.onChoice(Pick.TYPE, IntegrationId::parse, (choice, pick, picked) ->
                        Response.inPlace(() -> IntegrationMessages.detail(integrations.get(choice.user(), picked),
                                dependents.dependents(choice.user(), picked), watch.nextChecks(List.of(picked)).get(picked),
                                clock.instant(), null))));
    }

    private Message page(UserId user, int page) {
        List<IntegrationView> all = integrations.list(user);
        return IntegrationMessages.listPage(all, dependents.usageCounts(user),
                watch.nextChecks(all.stream().map(IntegrationView::id).toList()),
                watch.undelivered(user).stream().map(notices::notice).toList(), page, clock.instant(), types.names());
    }
}
