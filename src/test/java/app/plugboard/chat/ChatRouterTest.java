package app.plugboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
@DisplayName("ChatRouter")
class ChatRouterTest {

    static final UserId ALICE = new UserId(42);
    static final CommandGroup GROUP = new CommandGroup("demo", "A demo");

    @Test
    @DisplayName("a handler that throws still answers, with a reference and no exception text; the log has the stack trace under it")
    void unexpectedFailure(CapturedOutput output) {
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(command("boom", event -> {
            throw new IllegalStateException("database password=hunter2 in a driver message");
        })), List.of());

        Response response = router.handle(new ChatEvent.Command(ALICE, "demo", "boom", Map.of()));

        String text = ((Response.Reply) response).message().text();
        assertThat(text).startsWith("Something went wrong on our side, sorry. Reference: ")
                .doesNotContain("IllegalStateException").doesNotContain("hunter2");
        Matcher reference = Pattern.compile("Reference: ([A-Z0-9]{8})\\.").matcher(text);
        assertThat(reference.find()).isTrue();
        assertThat(output.getOut()).contains("[ref " + reference.group(1) + "]").contains("IllegalStateException")
                .contains("at app.plugboard.chat.ChatRouterTest");
    }

    @Test
    @DisplayName("a subcommand it does not know, however long its name, is answered with that name shortened")
    void unknownSubcommandOfAnyLength(CapturedOutput output) {
        // GIVEN a router that knows /demo, but not its subcommand of 4,000 characters (a stale or forged registration)
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(), List.of());

        // WHEN it arrives
        Response response = router.handle(new ChatEvent.Command(ALICE, "demo", "x".repeat(4000), Map.of()));

        // THEN it is answered with the name shortened, not with "something went wrong", and nothing is logged as a failure
        assertThat(((Response.Reply) response).message().text())
                .isEqualTo("I don't know /demo " + "x".repeat(54) + "…. Try /integration help.");
        assertThat(output.getOut()).doesNotContain("Unexpected failure");
    }

    @Test
    @DisplayName("slow work that throws is answered the same way, when it runs")
    void laterFailure() {
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(command("slow", event -> Response.later(() -> {
            throw new IllegalStateException("socket closed");
        }))), List.of());

        Response.Later later = (Response.Later) router.handle(new ChatEvent.Command(ALICE, "demo", "slow", Map.of()));

        assertThat(later.work().get().text()).startsWith("Something went wrong on our side").doesNotContain("socket closed");
    }

    @Test
    @DisplayName("network work is counted per person until it ends or is abandoned; a third at once is refused")
    void slowJobsCounted() {
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(command("check",
                event -> Response.later("Checking…", () -> Message.text("checked")))), List.of());
        ChatEvent.Command aliceChecks = new ChatEvent.Command(ALICE, "demo", "check", Map.of());

        Response.Later first = (Response.Later) router.handle(aliceChecks);
        Response.Later second = (Response.Later) router.handle(aliceChecks);

        assertThat(((Response.Reply) router.handle(aliceChecks)).message().text())
                .isEqualTo("You already have 2 checks running; wait for one to finish, then try again.");
        assertThat(router.handle(new ChatEvent.Command(new UserId(43), "demo", "check", Map.of())))
                .isInstanceOf(Response.Later.class);
        first.abandon().run();
        first.abandon().run();
        assertThat(router.slowJobsRunning(ALICE)).isEqualTo(1);
        assertThat(second.work().get().text()).isEqualTo("checked");
        assertThat(router.slowJobsRunning(ALICE)).isZero();
    }

    @Test
    @DisplayName("unknown, malformed and foreign component ids, and events their route does not take, are answered \"this has expired\"")
    void expired() {
        ComponentRoutes gone = () -> List.of(ComponentRoute.onSubmit(Demo.TYPE, (submit, demo) -> {
            throw new NotFoundException("thing");
        }));
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(), List.of(gone));

        for (ChatEvent event : List.of(
                new ChatEvent.Click(ALICE, "demo:unknown:1"),
                new ChatEvent.Click(ALICE, "not an id at all"),
                new ChatEvent.Choose(ALICE, "x".repeat(150), List.of("a")),
                new ChatEvent.FormSubmit(ALICE, "demo:gone:abc", Map.of()),
                new ChatEvent.Click(ALICE, "demo:gone:abc"),
                new ChatEvent.FormSubmit(ALICE, "demo:gone", Map.of()),
                new ChatEvent.FormSubmit(ALICE, "demo:gone:abc:extra", Map.of()))) {
            assertThat(((Response.Reply) router.handle(event)).message().text()).as(event.toString())
                    .isEqualTo(ExpiredException.MESSAGE);
        }
    }

    @Test
    @DisplayName("a choice is read before its handler runs: another number of values, or a value that does not read, has expired")
    void choiceRead() {
        List<Integer> chosen = new java.util.ArrayList<>();
        ComponentRoutes pick = () -> List.of(ComponentRoute.onChoice(Demo.TYPE, Integer::valueOf, (choice, demo, number) -> {
            chosen.add(number);
            return Response.reply("picked " + number + " for " + demo.thing());
        }));
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(), List.of(pick));

        assertThat(((Response.Reply) router.handle(new ChatEvent.Choose(ALICE, "demo:gone:abc", List.of("7")))).message().text())
                .isEqualTo("picked 7 for abc");
        for (List<String> values : List.of(List.<String>of(), List.of("1", "2"), List.of("seven"))) {
            assertThat(((Response.Reply) router.handle(new ChatEvent.Choose(ALICE, "demo:gone:abc", values))).message().text())
                    .isEqualTo(ExpiredException.MESSAGE);
        }
        assertThat(chosen).containsExactly(7);
    }

    @Test
    @DisplayName("a form refused because two checks are running offers Try again with the form's way back in")
    void refusedFormOffersTryAgain() {
        ComponentRoutes form = () -> List.of(ComponentRoute.onSubmit(Demo.TYPE, demo -> new Demo("again-" + demo.thing()),
                (submit, demo) -> Response.later("Checking…", () -> Message.text("checked"))));
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(), List.of(form));
        ChatEvent.FormSubmit submit = new ChatEvent.FormSubmit(ALICE, "demo:gone:abc", Map.of());
        router.handle(submit);
        router.handle(submit);

        Message refused = ((Response.Reply) router.handle(submit)).message();

        assertThat(refused.text()).isEqualTo("You already have 2 checks running; wait for one to finish, then try again.");
        assertThat(refused.rows()).singleElement().satisfies(row -> assertThat(row.controls()).containsExactly(
                Control.Button.of(ComponentId.of("demo", "gone", "again-abc"), "Try again", Control.Style.PRIMARY)));
        assertThat(router.slowJobsRunning(ALICE)).isEqualTo(2);
    }

    @Test
    @DisplayName("every interaction is told once how it ended, by what it was and which command or route: never by what was typed")
    void outcomesObserved() {
        // GIVEN a router whose handlers answer, refuse, fail, find the database away, and offer Try again
        List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        InteractionObserver observer = (kind, name, outcome) -> ended.add(kind + " " + name + " " + outcome.tag());
        ComponentRoutes form = () -> List.of(ComponentRoute.onSubmit(Demo.TYPE, demo -> new Demo("again"),
                (submit, demo) -> Response.later("Checking…", () -> submit.values().containsKey("bad")
                        ? Message.text("❌ Not saved.").withRow(ControlRow.of(Control.Button.tryAgain(new Demo("again"))))
                        : Message.text("✅ Saved."))));
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(
                command("ok", event -> Response.reply("fine")),
                command("refuse", event -> {
                    throw new app.plugboard.common.InvalidInputException(new app.plugboard.common.InputProblem("label",
                            "Label is too long."));
                }),
                command("crash", event -> Response.later(() -> {
                    throw new IllegalStateException("socket closed");
                })),
                command("database", event -> {
                    throw new org.springframework.dao.DataAccessResourceFailureException("connection refused");
                }),
                command("check", event -> Response.later("Checking…", () -> Message.text("checked")))), List.of(form), observer);

        // WHEN each kind of interaction happens, the slow parts run (or are abandoned), a third check is refused
        router.handle(new ChatEvent.Command(ALICE, "demo", "ok", Map.of("label", "hunter2")));
        router.handle(new ChatEvent.Command(ALICE, "demo", "refuse", Map.of()));
        router.handle(new ChatEvent.Command(ALICE, "demo", "nope", Map.of()));
        router.handle(new ChatEvent.Autocomplete(ALICE, "demo", "ok", "label", Map.of("label", "hun")));
        ((Response.Later) router.handle(new ChatEvent.Command(ALICE, "demo", "crash", Map.of()))).work().get();
        router.handle(new ChatEvent.Command(ALICE, "demo", "database", Map.of()));
        router.handle(new ChatEvent.Click(ALICE, "demo:unknown:1"));
        Response.Later saved = (Response.Later) router.handle(new ChatEvent.FormSubmit(ALICE, "demo:gone:abc", Map.of()));
        Response.Later refused = (Response.Later) router.handle(new ChatEvent.FormSubmit(ALICE, "demo:gone:abc",
                Map.of("bad", "hunter2")));
        assertThat(ended).as("a slow part ends its interaction when it is done, not before").hasSize(7);
        saved.work().get();
        refused.work().get();
        Response.Later abandoned = (Response.Later) router.handle(new ChatEvent.Command(new UserId(43), "demo", "check", Map.of()));
        abandoned.abandon().run();
        abandoned.abandon().run();
        router.handle(new ChatEvent.Command(new UserId(44), "demo", "check", Map.of()));
        router.handle(new ChatEvent.Command(new UserId(44), "demo", "check", Map.of()));
        router.handle(new ChatEvent.Command(new UserId(44), "demo", "check", Map.of()));

        // THEN each ended once, named by its command or route
        assertThat(ended).containsExactly(
                "command /demo ok answered",
                "command /demo refuse refused",
                "command unknown answered",
                "autocomplete /demo ok answered",
                "command /demo crash error",
                "command /demo database database-unavailable",
                "button unknown expired",
                "form demo:gone answered",
                "form demo:gone refused",
                "command /demo check abandoned",
                "command /demo check busy");
        assertThat(String.join(" ", ended)).doesNotContain("hunter2", "hun ");
    }

    @Test
    @DisplayName("while an interaction is handled its reference is in the log context, in its slow part on another thread too; it is the reference of a failure")
    void referenceInTheLogContext() throws Exception {
        // GIVEN a command that notes the log context at once and in its slow part, which then fails
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatRouter router = new ChatRouter(List.of(GROUP), List.of(command("slow", event -> {
            seen.add("now " + org.slf4j.MDC.get(LogContext.REF));
            return Response.later(() -> {
                seen.add("later " + org.slf4j.MDC.get(LogContext.REF) + " on " + Thread.currentThread().getName());
                throw new IllegalStateException("socket closed");
            });
        })), List.of());

        // WHEN it is handled here and its slow part runs on a worker thread
        Response.Later later = (Response.Later) router.handle(new ChatEvent.Command(ALICE, "demo", "slow", Map.of()));
        assertThat(org.slf4j.MDC.get(LogContext.REF)).as("nothing left behind on the caller's thread").isNull();
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(
                app.plugboard.common.ThreadPools.daemonThreads("worker-"));
        String answer;
        try {
            answer = worker.submit(() -> later.work().get().text()).get();
            assertThat(worker.submit(() -> String.valueOf(org.slf4j.MDC.get(LogContext.REF))).get())
                    .as("nor on the worker afterwards").isEqualTo("null");
        } finally {
            worker.shutdown();
        }

        // THEN both parts saw the same reference, the one the person reads
        String reference = answer.replaceAll(".*Reference: ([A-Z0-9]{8}).*", "$1");
        assertThat(seen).containsExactly("now " + reference, "later " + reference + " on worker-1");
    }

    @Test
    @DisplayName("two handlers for one command or route fail at startup")
    void duplicates() {
        CommandHandler first = command("same", event -> Response.reply("1"));
        CommandHandler second = command("same", event -> Response.reply("2"));

        assertThatThrownBy(() -> new ChatRouter(List.of(GROUP), List.of(first, second), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers for the subcommand demo same");
        assertThatThrownBy(() -> new ChatRouter(List.of(), List.of(first), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no command group /demo");
        ComponentRoutes once = () -> List.of(ComponentRoute.onClick(Demo.TYPE, (click, demo) -> Response.reply("1")));
        ComponentRoutes again = () -> List.of(ComponentRoute.onSubmit(Demo.TYPE, (submit, demo) -> Response.reply("2")));
        assertThatThrownBy(() -> new ChatRouter(List.of(GROUP), List.of(), List.of(once, again)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers for the component route demo:gone");
    }

    @Test
    @DisplayName("component ids stay within 100 characters and carry ids only")
    void componentIds() {
        assertThat(ComponentId.of("int", "del-ok", "8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11", 12).encode())
                .isEqualTo("int:del-ok:8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11:12");
        assertThat(ComponentId.parse("int:del-ok:8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11:12"))
                .contains(ComponentId.of("int", "del-ok", "8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11", "12"));
        assertThatThrownBy(() -> ComponentId.of("int", "x", "https://calendar.example.com/secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComponentId.of("int", "x", "a".repeat(40), "b".repeat(40), "c".repeat(40)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an action encodes itself into its id and decodes from it; an id of another shape is not that action")
    void actionsRoundTrip() {
        Demo demo = new Demo("8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11");

        assertThat(demo.componentId().encode()).isEqualTo("demo:gone:8d6c4a5e-57f5-4a7b-9d4c-3f1f6f2b1a11");
        assertThat(Demo.TYPE.decode(demo.componentId())).contains(demo);
        assertThat(Demo.TYPE.decode(ComponentId.of("demo", "gone"))).isEmpty();
        assertThat(Demo.TYPE.decode(ComponentId.of("demo", "gone", "a", "b"))).isEmpty();
        assertThat(Demo.TYPE.decode(ComponentId.of("demo", "other", "a"))).isEmpty();
    }

    /** An action of the demo feature, naming one thing by id. */
    record Demo(String thing) implements Action {
        static final ActionType<Demo> TYPE = ActionType.of("demo", "gone", arguments -> new Demo(arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(thing);
        }
    }

    static CommandHandler command(String name, java.util.function.Function<ChatEvent.Command, Response> answer) {
        return new CommandHandler() {
            @Override
            public String command() {
                return "demo";
            }

            @Override
            public CommandSpec.Subcommand spec() {
                return CommandSpec.Subcommand.of(name, "a demo subcommand");
            }

            @Override
            public Response handle(ChatEvent.Command event) {
                return answer.apply(event);
            }
        };
    }
}
