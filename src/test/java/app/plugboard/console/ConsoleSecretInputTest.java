package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.CommandGroup;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Form;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.ScriptedProbes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** On a real terminal secret fields are read without echo ({@link SystemConsoleTerminal#readSecret}): which ones are. */
@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@DisplayName("The terminal reads secret fields without echo")
class ConsoleSecretInputTest {

    static final UserId ME = new UserId(1);
    static final String FEED = "https://calendar.example.com/private-TOKEN-4711/basic.ics";

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    @Test
    @DisplayName("a feed address is read like a password: without echo, in adding and in changing it")
    void feedAddressWithoutEcho() {
        // WHEN the person adds a feed behind a password, then changes its address, on a terminal that tells echoed from hidden reads
        RecordingTerminal terminal = new RecordingTerminal("/integration add type:calendar label:Family",
                "1", FEED, "alice", "feed-pw",
                "/integration edit integration:Family", "2", FEED.replace("basic", "new"), "", "");
        new ConsoleSession(router, ME, terminal).run();

        // THEN the address and the password were read hidden, the username and the choices echoed
        assertThat(terminal.hidden).containsExactly("Address: ", "Password (optional): ",
                "Address (optional): ", "Password (optional): ");
        assertThat(terminal.echoed).contains("Username (optional): ", "Username [alice] (optional): ")
                .noneMatch(prompt -> prompt.startsWith("Address") || prompt.startsWith("Password"));
        // AND nothing printed shows the address
        assertThat(terminal.printed).noneMatch(text -> text.contains("private-TOKEN-4711"));
        assertThat(integrations.settings(ME, integrations.list(ME).get(0).id())).isEqualTo(new CalendarFeedSettings(
                Secret.of(FEED.replace("basic", "new")), "alice", Secret.of("feed-pw")));
    }

    @Test
    @DisplayName("the submitted form carries which fields its form declared secret, so printing it masks just those")
    void submitKnowsItsSecrets() {
        // GIVEN a command that shows a form with a username and a password, and a form route that keeps what it got
        List<ChatEvent> submitted = new ArrayList<>();
        CommandHandler login = new CommandHandler() {
            @Override
            public String command() {
                return "demo";
            }

            @Override
            public CommandSpec.Subcommand spec() {
                return CommandSpec.Subcommand.of("login", "Log in");
            }

            @Override
            public Response handle(ChatEvent.Command event) {
                return new Response.ShowForm(new Form(new LogIn(), "Log in", List.of(
                        Form.Text.required("username", "Username", 100),
                        Form.Text.required("password", "Password", 100).asSecret())));
            }
        };
        ComponentRoutes submit = () -> List.of(ComponentRoute.onSubmit(LogIn.TYPE, (form, logIn) -> {
            submitted.add(form);
            return Response.reply("Done.");
        }));
        ChatRouter demo = new ChatRouter(List.of(new CommandGroup("demo", "Demo")), List.of(login), List.of(submit));

        // WHEN the person fills the form in the terminal
        new ConsoleSession(demo, ME, new RecordingTerminal("/demo login", "alice", "hunter2-pw")).run();

        // THEN the event prints the username and masks the password
        assertThat(submitted).singleElement().hasToString(
                "FormSubmit[user=" + ME + ", formId=demo:submit, values={password=***, username=alice}]");
    }

    record LogIn() implements Action {
        static final ActionType<LogIn> TYPE = ActionType.of("demo", "submit", arguments -> new LogIn());

        @Override
        public ComponentId componentId() {
            return TYPE.id();
        }
    }

    /** Answers prompts from a script and records which were read hidden. */
    static final class RecordingTerminal implements Terminal {

        final Deque<String> lines;
        final List<String> hidden = new ArrayList<>();
        final List<String> echoed = new ArrayList<>();
        final List<String> printed = new ArrayList<>();

        RecordingTerminal(String... lines) {
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public @Nullable String readLine(String prompt) {
            echoed.add(prompt);
            return lines.poll();
        }

        @Override
        public @Nullable String readSecret(String prompt) {
            hidden.add(prompt);
            return lines.poll();
        }

        @Override
        public void print(String text) {
            printed.add(text);
        }

        @Override
        public void reprompt(String prompt) {
            echoed.add(prompt);
        }
    }
}
