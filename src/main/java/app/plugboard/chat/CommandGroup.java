package app.plugboard.chat;

/** A top-level slash command, such as {@code /integration}; its subcommands are {@link CommandHandler}s. */
public record CommandGroup(String name, String description) {

    public CommandGroup {
        Limits.check(description, Limits.COMMAND_DESCRIPTION, "A command description");
    }
}
