package app.plugboard.console;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Without a Discord token, the conversation runs in this terminal. When the input ends (or the
 * person types {@code /quit}) the application stops cleanly.
 */
@Component
@ConditionalOnExpression("${plugboard.console.enabled:true} and '${plugboard.discord.token:}'.isEmpty()")
class ConsoleChat implements ApplicationRunner {

    static final String BANNER = """

            ─────────────────────────────────────────────────────────────────────────────
             Plugboard, in your terminal. No DISCORD_TOKEN is set, so this is the same
             conversation as in Discord, typed here. Try /integration help, or
             /integration add type:imap label:Work mail. /quit leaves.
             To run the Discord bot instead, set DISCORD_TOKEN (see the README).
             Only warnings show here; the whole log is in %s
            ─────────────────────────────────────────────────────────────────────────────""";

    private final ChatRouter router;
    private final ConsoleProperties properties;
    private final ConsoleNotifier notifier;
    private final ConfigurableApplicationContext context;
    private final String logFile;

    ConsoleChat(ChatRouter router, ConsoleProperties properties, ConsoleNotifier notifier, ConfigurableApplicationContext context) {
        this.router = router;
        this.properties = properties;
        this.notifier = notifier;
        this.context = context;
        this.logFile = context.getEnvironment().getProperty("logging.file.name", "the standard output");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().isEmpty()) {
            return; // a one-off command such as reencrypt-secrets
        }
        Thread thread = new Thread(this::converse, "terminal-chat");
        thread.start();
    }

    private void converse() {
        Console console = System.console();
        Terminal terminal = console != null ? new SystemConsoleTerminal(console)
                : new StreamTerminal(new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())), System.out);
        terminal.print(BANNER.formatted(logFile));
        ConsoleSession session = new ConsoleSession(router, new UserId(properties.userId()), terminal);
        notifier.attach(session);
        session.run();
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
