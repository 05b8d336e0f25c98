package app.plugboard.integration.chat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Response;
import org.springframework.stereotype.Component;

/** {@code /integration help}: what each command does, in a few lines. */
@Component
class HelpCommand implements CommandHandler {

    static final String TEXT = """
            **/integration** connects the services your assistant uses, and keeps an eye on them.
            • `/integration add type label` — connect IMAP mail, Gmail or a calendar under a label you choose.
            • `/integration list` — your integrations and their status; pick one to edit, check or delete it.
            • `/integration edit integration` — rename it, replace its credentials, change a calendar's address, or sign in to Gmail again.
            • `/integration check integration` — check a connection now.
            • `/integration delete integration` — delete one; you are asked first and told which workflows use it.
            Workflows use integrations: `/workflow create name integrations`, `/workflow list`, `/workflow delete workflow`.
            Everything Plugboard answers here is visible to you only. Passwords go into forms, never into commands.""";

    @Override
    public String command() {
        return IntegrationCommands.COMMAND;
    }

    @Override
    public CommandSpec.Subcommand spec() {
        return CommandSpec.Subcommand.of("help", "What each integration command does");
    }

    @Override
    public Response handle(ChatEvent.Command event) {
        return Response.reply(TEXT);
    }
}
