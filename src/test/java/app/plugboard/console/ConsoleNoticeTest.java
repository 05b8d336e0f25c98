package app.plugboard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.Action;
import app.plugboard.chat.ActionType;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.ComponentId;
import app.plugboard.chat.ComponentRoute;
import app.plugboard.chat.ComponentRoutes;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Notices in the terminal")
class ConsoleNoticeTest {

    static final UserId ME = new UserId(1);

    @Test
    @DisplayName("a notice is printed while the conversation waits for input, and its button becomes choice 1")
    void noticeWithButton() throws Exception {
        // GIVEN a running terminal conversation, and a button route that answers
        ComponentRoutes reconnect = () -> List.of(ComponentRoute.onClick(Reconnect.TYPE,
                (click, action) -> Response.reply("Here is a new link for " + action.integration() + ".")));
        ChatRouter router = new ChatRouter(List.of(), List.of(), List.of(reconnect));
        PipedWriter typed = new PipedWriter();
        BufferedReader in = new BufferedReader(new PipedReader(typed));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleSession session = new ConsoleSession(router, ME, new StreamTerminal(in, out));
        ConsoleNotifier notifier = new ConsoleNotifier(new ConsoleProperties(true, 1));
        notifier.attach(session);
        Thread conversation = new Thread(session::run);
        conversation.start();

        // WHEN a notice comes for the terminal's user (and one for someone else)
        notifier.notify(ME, Message.text("⚠️ **Work** (Gmail) stopped working.")
                .withRow(ControlRow.of(Control.Button.of(new Reconnect("abc"), "Reconnect",
                        Control.Style.PRIMARY))), "some-key");
        notifier.notify(new UserId(2), Message.text("not for this terminal"), null);

        // THEN it is printed at once, and typing 1 clicks its button
        await().atMost(Duration.ofSeconds(5)).until(() -> text(bytes).contains("Work (Gmail) stopped working."));
        type(typed, "1");
        await().atMost(Duration.ofSeconds(5)).until(() -> text(bytes).contains("Here is a new link for abc."));
        type(typed, "/quit");
        conversation.join(5_000);
        assertThat(text(bytes)).contains("[1] Reconnect").doesNotContain("not for this terminal");
        assertThat(notifier.describe(ME)).hasValue("the terminal user of this Plugboard");
    }

    record Reconnect(String integration) implements Action {
        static final ActionType<Reconnect> TYPE = ActionType.of("gmail", "reconnect", arguments -> new Reconnect(arguments.text()));

        @Override
        public ComponentId componentId() {
            return TYPE.id(integration);
        }
    }

    private static void type(PipedWriter typed, String line) throws IOException {
        typed.write(line + "\n");
        typed.flush();
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
