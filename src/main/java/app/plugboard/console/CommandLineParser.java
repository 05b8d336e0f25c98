package app.plugboard.console;

import app.plugboard.chat.CommandSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a person types as they would in Discord: {@code /integration add type:imap label:Work mail}.
 * An option's value runs until the next known option name; quotes are allowed and removed.
 */
final class CommandLineParser {

    record Parsed(CommandSpec command, CommandSpec.Subcommand subcommand, Map<String, String> options) {
    }

    sealed interface Result {
    }

    record Ok(Parsed parsed) implements Result {
    }

    record Problem(String message) implements Result {
    }

    private final List<CommandSpec> commands;

    CommandLineParser(List<CommandSpec> commands) {
        this.commands = commands;
    }

    Result parse(String line) {
        String text = line.trim();
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        String[] words = text.split("\\s+", 3);
        Optional<CommandSpec> command = commands.stream().filter(c -> c.name().equalsIgnoreCase(words[0])).findFirst();
        if (command.isEmpty()) {
            return new Problem("I don't know /" + words[0] + ". Commands: " + names() + ". Type /help for more.");
        }
        if (words.length < 2) {
            return new Problem("/" + command.get().name() + " needs a subcommand: " + subcommands(command.get()) + ".");
        }
        Optional<CommandSpec.Subcommand> subcommand = command.get().subcommands().stream()
                .filter(s -> s.name().equalsIgnoreCase(words[1])).findFirst();
        if (subcommand.isEmpty()) {
            return new Problem("/" + command.get().name() + " has no subcommand " + words[1] + ". Try one of: "
                    + subcommands(command.get()) + ".");
        }
        String rest = words.length > 2 ? words[2] : "";
        return options(rest, subcommand.get())
                .<Result>map(options -> new Ok(new Parsed(command.get(), subcommand.get(), options)))
                .orElseGet(() -> new Problem("I could not read the options. Write them as name:value, for example "
                        + example(command.get(), subcommand.get()) + "."));
    }

    private static Optional<Map<String, String>> options(String rest, CommandSpec.Subcommand subcommand) {
        Map<String, String> options = new HashMap<>();
        if (rest.isBlank()) {
            return Optional.of(options);
        }
        String names = String.join("|", subcommand.options().stream().map(o -> Pattern.quote(o.name())).toList());
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = Pattern.compile("(?:^|\\s)(" + names + "):", Pattern.CASE_INSENSITIVE).matcher(rest);
        int previousEnd = -1;
        String previousName = null;
        while (matcher.find()) {
            if (previousName == null && !rest.substring(0, matcher.start()).isBlank()) {
                return Optional.empty();
            }
            if (previousName != null) {
                options.put(previousName, unquote(rest.substring(previousEnd, matcher.start())));
            }
            previousName = matcher.group(1).toLowerCase(Locale.ROOT);
            previousEnd = matcher.end();
        }
        if (previousName == null) {
            return Optional.empty();
        }
        options.put(previousName, unquote(rest.substring(previousEnd)));
        return Optional.of(options);
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
                || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private String names() {
        return String.join(", ", commands.stream().map(c -> "/" + c.name()).toList());
    }

    private static String subcommands(CommandSpec command) {
        return String.join(", ", command.subcommands().stream().map(CommandSpec.Subcommand::name).toList());
    }

    static String example(CommandSpec command, CommandSpec.Subcommand subcommand) {
        StringBuilder example = new StringBuilder("/").append(command.name()).append(' ').append(subcommand.name());
        subcommand.options().forEach(option -> example.append(' ').append(option.name()).append(":…"));
        return example.toString();
    }
}
