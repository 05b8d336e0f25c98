package app.plugboard.chat;

import java.util.List;

/** A slash command as transports register it: subcommands and their string options. */
public record CommandSpec(String name, String description, List<Subcommand> subcommands) {

    public CommandSpec {
        subcommands = List.copyOf(subcommands);
    }

    public record Subcommand(String name, String description, List<Parameter> options) {
        public Subcommand {
            Limits.check(description, Limits.COMMAND_DESCRIPTION, "A subcommand description");
            options = List.copyOf(options);
        }

        public static Subcommand of(String name, String description, Parameter... options) {
            return new Subcommand(name, description, List.of(options));
        }
    }

    public record Parameter(String name, String description, boolean required, boolean autocomplete, int maxLength) {

        public static Parameter required(String name, String description, int maxLength) {
            return new Parameter(name, description, true, false, maxLength);
        }

        public static Parameter autocompleted(String name, String description) {
            return new Parameter(name, description, true, true, Limits.SUGGESTION_TEXT);
        }
    }
}
