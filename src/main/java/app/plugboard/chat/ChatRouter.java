package app.plugboard.chat;

import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserFacingException;
import app.plugboard.common.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one entry for everything a person does, whatever the transport: dispatches commands by
 * name and components by route ({@code feature:name}, decoded into the route's {@link Action}), and
 * always answers. A domain refusal becomes its user-facing message; an unknown or foreign component,
 * one whose id does not decode, or an event its route does not take "has expired"; a database out of
 * reach says so (the log too, once a minute); anything unexpected becomes "something went wrong,
 * reference X" while the log gets the stack trace under X. X is the interaction's reference from the
 * start: every log line about it carries it ({@link LogContext}), its slow part too, and how it ended
 * goes to the {@link InteractionObserver}.
 */
@Component
public class ChatRouter {

    public static final String SOMETHING_WENT_WRONG = "Something went wrong on our side, sorry. Reference: %s. "
            + "Try again in a moment; if it keeps happening, give the reference to whoever runs this Plugboard.";
    private static final Logger log = LoggerFactory.getLogger(ChatRouter.class);
    private static final Message TOO_MANY = Message.text(SlowJobs.TOO_MANY);

    private final Map<String, CommandGroup> groups = new LinkedHashMap<>();
    private final Map<String, CommandHandler> commands = new LinkedHashMap<>();
    private final Map<String, ComponentRoute> routes = new HashMap<>();
    private final SlowJobs slowJobs = new SlowJobs();
    private final DatabaseOutage databaseOutage = new DatabaseOutage(Clock.systemUTC());
    private final DatabaseOverload databaseOverload = new DatabaseOverload(Clock.systemUTC());
    private final InteractionObserver observer;

    public ChatRouter(List<CommandGroup> groups, List<CommandHandler> commands, List<ComponentRoutes> components) {
        this(groups, commands, components, InteractionObserver.NONE);
    }

    @Autowired
    public ChatRouter(List<CommandGroup> groups, List<CommandHandler> commands, List<ComponentRoutes> components,
            InteractionObserver observer) {
        this.observer = observer;
        groups.forEach(group -> unique(this.groups, group.name(), group, "command"));
        for (CommandHandler handler : commands) {
            if (!this.groups.containsKey(handler.command())) {
                throw new IllegalStateException("no command group /" + handler.command() + " for " + handler.getClass().getName());
            }
            unique(this.commands, key(handler.command(), handler.spec().name()), handler, "subcommand");
        }
        components.stream().flatMap(owner -> owner.componentRoutes().stream())
                .forEach(route -> unique(this.routes, route.type().route(), route, "component route"));
    }

    /** What transports register: every command with its subcommands, in a stable order. */
    public List<CommandSpec> commandSpecs() {
        List<CommandSpec> specs = new ArrayList<>();
        for (CommandGroup group : groups.values()) {
            List<CommandSpec.Subcommand> subcommands = commands.values().stream()
                    .filter(handler -> handler.command().equals(group.name()))
                    .map(CommandHandler::spec)
                    .toList();
            specs.add(new CommandSpec(group.name(), group.description(), subcommands));
        }
        return specs;
    }

    /** Never throws: every event gets an answer. */
    public Response handle(ChatEvent event) {
        Interaction interaction = new Interaction(event, observer);
        return LogContext.withRef(interaction.ref(), () -> {
            try {
                Response response = dispatch(event, interaction);
                ended(response, interaction);
                return response;
            } catch (RuntimeException e) {
                return Response.reply(failureText(e, event, interaction));
            }
        });
    }

    /** An answer that is complete now ends the interaction; a slow part ends it when it is done. */
    private static void ended(Response response, Interaction interaction) {
        if (response instanceof Response.Reply reply) {
            interaction.end(reply.message());
        } else if (response instanceof Response.Update update) {
            interaction.end(update.message());
        } else if (!(response instanceof Response.Later)) {
            interaction.end(InteractionOutcome.ANSWERED);
        }
    }

    private Response dispatch(ChatEvent event, Interaction interaction) {
        if (event instanceof ChatEvent.Command command) {
            Optional<CommandHandler> handler = commandHandler(command.command(), command.subcommand());
            handler.ifPresent(known -> interaction.named(commandName(known)));
            return guardLater(handler
                    .map(known -> known.handle(command))
                    .orElseGet(() -> Response.reply("I don't know /" + Limits.fit(command.command() + " " + command.subcommand(), 60)
                            + ". Try /integration help.")), event, TOO_MANY, interaction);
        }
        if (event instanceof ChatEvent.Autocomplete autocomplete) {
            Optional<CommandHandler> handler = commandHandler(autocomplete.command(), autocomplete.subcommand());
            handler.ifPresent(known -> interaction.named(commandName(known)));
            return new Response.Suggestions(handler
                    .map(known -> known.suggest(autocomplete))
                    .orElse(List.of()));
        }
        ComponentId id = ComponentId.parse(componentIdOf(event)).orElseThrow(ExpiredException::new);
        ComponentRoute route = routes.get(id.route());
        if (route != null) {
            interaction.named(id.route());
        }
        if (route instanceof ComponentRoute.OnClick<?> onClick && event instanceof ChatEvent.Click click) {
            return guardLater(click(onClick, click, id), event, TOO_MANY, interaction);
        }
        if (route instanceof ComponentRoute.OnChoice<?, ?> onChoice && event instanceof ChatEvent.Choose choose) {
            return guardLater(choose(onChoice, choose, id), event, TOO_MANY, interaction);
        }
        if (route instanceof ComponentRoute.OnSubmit<?> onSubmit && event instanceof ChatEvent.FormSubmit submit) {
            return submit(onSubmit, submit, id, interaction);
        }
        throw new ExpiredException();
    }

    private static String commandName(CommandHandler handler) {
        return "/" + key(handler.command(), handler.spec().name());
    }

    private static <A extends Action> Response click(ComponentRoute.OnClick<A> route, ChatEvent.Click click, ComponentId id) {
        return route.handler().answer(click, decode(route.type(), id));
    }

    private static <A extends Action, V> Response choose(ComponentRoute.OnChoice<A, V> route, ChatEvent.Choose choose,
            ComponentId id) {
        A action = decode(route.type(), id);
        if (choose.values().size() != 1) {
            throw new ExpiredException();
        }
        V chosen;
        try {
            chosen = route.chosen().apply(choose.values().get(0));
        } catch (IllegalArgumentException unreadable) {
            throw new ExpiredException();
        }
        return route.handler().answer(choose, action, chosen);
    }

    /** A form refused for too many checks running offers its way back in, so nothing typed is lost. */
    private <A extends Action> Response submit(ComponentRoute.OnSubmit<A> route, ChatEvent.FormSubmit submit, ComponentId id,
            Interaction interaction) {
        A action = decode(route.type(), id);
        Message tooMany = route.reopen() == null ? TOO_MANY
                : TOO_MANY.withRow(ControlRow.of(Control.Button.tryAgain(route.reopen().apply(action))));
        return guardLater(route.handler().answer(submit, action), submit, tooMany, interaction);
    }

    private static <A extends Action> A decode(ActionType<A> type, ComponentId id) {
        return type.decode(id).orElseThrow(ExpiredException::new);
    }

    private static boolean isComponent(ChatEvent event) {
        return event instanceof ChatEvent.FormSubmit || event instanceof ChatEvent.Click || event instanceof ChatEvent.Choose;
    }

    private static String componentIdOf(ChatEvent event) {
        if (event instanceof ChatEvent.FormSubmit submit) {
            return submit.formId();
        }
        if (event instanceof ChatEvent.Click click) {
            return click.buttonId();
        }
        if (event instanceof ChatEvent.Choose choose) {
            return choose.selectId();
        }
        throw new IllegalArgumentException("not a component event: " + event.getClass().getSimpleName());
    }

    private Optional<CommandHandler> commandHandler(String command, String subcommand) {
        return Optional.ofNullable(commands.get(key(command, subcommand)));
    }

    /**
     * The slow part runs later, elsewhere: it gets the same protection, and the interaction's reference in
     * its log lines. Network work (a Later with a progress text) is counted per person, and refused at once
     * beyond {@link SlowJobs#PER_PERSON}.
     */
    private Response guardLater(Response response, ChatEvent event, Message tooMany, Interaction interaction) {
        if (!(response instanceof Response.Later later)) {
            return response;
        }
        Supplier<Message> work = later.work();
        Supplier<Message> guarded = LogContext.carried(() -> {
            try {
                Message answer = work.get();
                interaction.end(answer);
                return answer;
            } catch (RuntimeException e) {
                return Message.text(failureText(e, event, interaction));
            }
        });
        Runnable abandon = () -> {
            interaction.end(InteractionOutcome.ABANDONED);
            later.abandon().run();
        };
        if (later.progress() == null) {
            return new Response.Later(null, later.inPlace(), guarded, abandon);
        }
        Optional<Runnable> counted = slowJobs.start(event.user());
        if (counted.isEmpty()) {
            interaction.end(InteractionOutcome.BUSY);
            return new Response.Reply(tooMany);
        }
        Runnable end = counted.get();
        return new Response.Later(later.progress(), later.inPlace(), () -> {
            try {
                return guarded.get();
            } finally {
                end.run();
            }
        }, () -> {
            end.run();
            abandon.run();
        });
    }

    int slowJobsRunning(UserId user) {
        return slowJobs.running(user);
    }

    private String failureText(RuntimeException failure, ChatEvent event, Interaction interaction) {
        if ((failure instanceof NotFoundException && isComponent(event)) || failure instanceof ExpiredException) {
            // a button or form that names something gone, or someone else's, has simply expired
            interaction.end(InteractionOutcome.EXPIRED);
            return failure instanceof ExpiredException expired ? expired.userMessage() : ExpiredException.MESSAGE;
        }
        if (failure instanceof UserFacingException refusal) {
            interaction.end(InteractionOutcome.REFUSED);
            return refusal.userMessage();
        }
        if (DatabaseOverload.isCause(failure)) {
            interaction.end(InteractionOutcome.OVERLOADED);
            databaseOverload.report(failure);
            return DatabaseOverload.MESSAGE;
        }
        if (DatabaseOutage.isCause(failure)) {
            interaction.end(InteractionOutcome.DATABASE_UNAVAILABLE);
            databaseOutage.report(failure);
            return DatabaseOutage.MESSAGE;
        }
        if (DatabaseConflict.isCause(failure)) {
            interaction.end(InteractionOutcome.DATABASE_BUSY);
            DatabaseConflict.report(failure);
            return DatabaseConflict.MESSAGE;
        }
        interaction.end(InteractionOutcome.ERROR);
        String reference = interaction.ref();
        log.error("Unexpected failure [ref {}] while answering {} of user {}", reference, describe(event), event.user(), failure);
        return String.format(Locale.ROOT, SOMETHING_WENT_WRONG, reference);
    }

    /** What happened, without any value the person typed (a form may hold a password). */
    private static String describe(ChatEvent event) {
        if (event instanceof ChatEvent.Command command) {
            return "/" + command.command() + " " + command.subcommand();
        }
        if (event instanceof ChatEvent.Autocomplete autocomplete) {
            return "autocomplete of /" + autocomplete.command() + " " + autocomplete.subcommand() + " " + autocomplete.focused();
        }
        return event.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + componentIdOf(event);
    }

    private static String key(String command, String subcommand) {
        return command + " " + subcommand;
    }

    private static <T> void unique(Map<String, T> map, String key, T value, String what) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("two handlers for the " + what + " " + key);
        }
    }
}
