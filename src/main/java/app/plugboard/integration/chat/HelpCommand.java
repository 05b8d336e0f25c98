package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Limits;
import app.plugboard.chat.Response;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code /integration help}: every command and what it does, a line each, written from the commands'
 * own specs (what Discord shows), so a new command is in the help by being registered.
 */
@Component
class HelpCommand implements CommandHandler {

    static final String NAME = "help";
    static final String PRIVACY = "Everything Plugboard answers here is visible to you only. "
            + "Passwords go into forms, never into commands.";

    private final ChatRouter router;

    /** Lazy: the router is made of the commands, this one included. */
    HelpCommand(@Lazy ChatRouter router) {
        this.router = router;
    }

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of(NAME, "What each command does");
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.reply(Limits.fit(text(router.commandSpecs()), Limits.CONTENT));
    }

    /** Per command: its name in bold and what it does, then a line per subcommand with its options. */
    static String text(List<CommandSpec> commands) {
        StringBuilder text = new StringBuilder();
        for (CommandSpec command : commands) {
            text.append("**/").append(command.name()).append("** ").append(sentence(command.description())).append('\n');
            for (CommandSpec.Subcommand subcommand : command.subcommands()) {
                if (command.name().equals(IntegrationCommands.COMMAND) && subcommand.name().equals(NAME)) {
                    continue;
                }
                String options = subcommand.options().stream().map(option -> " " + option.name()).collect(Collectors.joining());
                text.append("• `/").append(command.name()).append(' ').append(subcommand.name()).append(options).append("` — ")
                        .append(subcommand.description()).append(".\n");
            }
        }
        return text.append(PRIVACY).toString();
    }

    /** A command's description continues its name in bold: "/integration connects the services …". */
    private static String sentence(String description) {
        return description.substring(0, 1).toLowerCase(Locale.ROOT) + description.substring(1) + ".";
    }
}
