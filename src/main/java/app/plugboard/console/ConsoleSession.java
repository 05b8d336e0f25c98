package app.plugboard.console;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Form;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import app.plugboard.common.UserId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One terminal conversation: the person types what they would type in Discord; forms become one
 * prompt per field, buttons and selects numbered choices. Same router, same messages.
 * Ends at the end of the input or with {@code /quit}.
 */
final class ConsoleSession {

    static final String PROMPT = "> ";
    static final String CANCEL = "/cancel";
    static final String HINT = "Type a command such as /integration help, the number of a choice above, or /quit to leave.";

    private final ChatRouter router;
    private final UserId user;
    private final Terminal terminal;
    private final CommandLineParser parser;
    private final Set<String> commandWords = new HashSet<>(Set.of("help", "quit", "exit"));
    private volatile List<Function<UserId, ChatEvent>> choices = List.of();
    /** A command typed where a value was asked: it closed the question and runs next. */
    private @Nullable String typedAtPrompt;
    /** Guards what is printed from other threads (notices) against the conversation's own turns. */
    private final Object printing = new Object();
    /** Notices that came while the conversation was busy (a question, a form, a command at work). */
    private final Queue<Message> held = new ArrayDeque<>();
    /** Whether the conversation waits at its own prompt, between two turns. */
    private boolean betweenTurns;

    ConsoleSession(ChatRouter router, UserId user, Terminal terminal) {
        this.router = router;
        this.user = user;
        this.terminal = terminal;
        this.parser = new CommandLineParser(router.commandSpecs());
        router.commandSpecs().forEach(command -> commandWords.add(command.name().toLowerCase(Locale.ROOT)));
    }

    void run() {
        while (true) {
            String line = typedAtPrompt != null ? typedAtPrompt : readTurn();
            typedAtPrompt = null;
            if (line == null || isQuit(line)) {
                terminal.print("Bye.");
                return;
            }
            String text = line.trim();
            if (text.isEmpty()) {
                continue;
            }
            ChatEvent event = toEvent(text);
            if (event != null) {
                show(router.handle(event));
            }
        }
    }

    /** The next line at the conversation's prompt, after the notices that came during the last turn. */
    private @Nullable String readTurn() {
        synchronized (printing) {
            for (Message notice = held.poll(); notice != null; notice = held.poll()) {
                print(notice);
            }
            betweenTurns = true;
        }
        try {
            return terminal.readLine(PROMPT);
        } finally {
            synchronized (printing) {
                betweenTurns = false;
            }
        }
    }

    private static boolean isQuit(String line) {
        String text = line.trim();
        return text.equalsIgnoreCase("/quit") || text.equalsIgnoreCase("/exit");
    }

    private @Nullable ChatEvent toEvent(String text) {
        if (text.chars().allMatch(Character::isDigit) && text.length() < 4) {
            int number = Integer.parseInt(text);
            if (number < 1 || number > choices.size()) {
                terminal.print(choices.isEmpty() ? "There are no choices to pick from right now. " + HINT
                        : "Pick a number from 1 to " + choices.size() + ".");
                return null;
            }
            return choices.get(number - 1).apply(user);
        }
        if (text.equalsIgnoreCase("/help") || text.equalsIgnoreCase("help")) {
            terminal.print(help());
            return null;
        }
        CommandLineParser.Result result = parser.parse(text);
        if (result instanceof CommandLineParser.Problem problem) {
            terminal.print(problem.message());
            return null;
        }
        CommandLineParser.Parsed parsed = ((CommandLineParser.Ok) result).parsed();
        Map<String, String> options = new HashMap<>(parsed.options());
        for (CommandSpec.Parameter option : parsed.subcommand().options()) {
            if (option.required() && options.getOrDefault(option.name(), "").isBlank()) {
                String value = askOption(parsed, option, options);
                if (value == null) {
                    return null;
                }
                options.put(option.name(), value);
            }
        }
        return new ChatEvent.Command(user, parsed.command().name(), parsed.subcommand().name(), options);
    }

    /** A missing option: offered as numbered suggestions when it has them, else typed. */
    private @Nullable String askOption(CommandLineParser.Parsed parsed, CommandSpec.Parameter option, Map<String, String> options) {
        List<Suggestion> suggestions = List.of();
        if (option.autocomplete()) {
            Map<String, String> typed = new HashMap<>(options);
            typed.put(option.name(), "");
            Response response = router.handle(new ChatEvent.Autocomplete(user, parsed.command().name(),
                    parsed.subcommand().name(), option.name(), typed));
            if (response instanceof Response.Suggestions offered) {
                suggestions = offered.suggestions();
            }
        }
        StringBuilder question = new StringBuilder(option.name()).append(" — ").append(option.description());
        for (int i = 0; i < suggestions.size(); i++) {
            question.append("\n  [").append(i + 1).append("] ").append(suggestions.get(i).label());
        }
        terminal.print(question.toString());
        while (true) {
            String answer = valueOrCommand(terminal.readLine(option.name() + (suggestions.isEmpty() ? ": " : " (number or text): ")));
            if (typedAtPrompt != null) {
                return null;
            }
            if (answer == null || answer.trim().equalsIgnoreCase(CANCEL)) {
                terminal.print("Cancelled.");
                return null;
            }
            String text = answer.trim();
            if (!suggestions.isEmpty() && text.matches("\\d{1,3}")) {
                int number = Integer.parseInt(text);
                if (number >= 1 && number <= suggestions.size()) {
                    return suggestions.get(number - 1).value();
                }
            }
            if (!text.isEmpty()) {
                return text;
            }
            terminal.print(option.name() + " is required (or type " + CANCEL + ").");
        }
    }

    private void show(Response response) {
        if (response instanceof Response.Reply reply) {
            print(reply.message());
        } else if (response instanceof Response.Update update) {
            print(update.message());
        } else if (response instanceof Response.Later later) {
            terminal.print(later.progress() == null ? "Working on it…" : ConsoleRenderer.plain(later.progress().text()));
            print(later.work().get());
        } else if (response instanceof Response.ShowForm showForm) {
            Map<String, String> values = fill(showForm.form());
            if (values == null) {
                if (typedAtPrompt == null) {
                    terminal.print("Cancelled: nothing was sent.");
                }
                return;
            }
            show(router.handle(new ChatEvent.FormSubmit(user, showForm.form().id().encode(), values, showForm.form().secretKeys())));
        } else if (response instanceof Response.Suggestions) {
            terminal.print(HINT);
        }
    }

    private void print(Message message) {
        ConsoleRenderer.Rendered rendered = ConsoleRenderer.render(message);
        choices = rendered.choices();
        terminal.print(rendered.text());
    }

    /**
     * Something that happened meanwhile (a sign-in finished in the browser, an integration broke), from whatever
     * thread: printed between prompts, so it never cuts into a question, a form or a command at work. While the
     * conversation waits at its prompt it is printed at once, on a line of its own, and the prompt is shown
     * again; otherwise it waits until the conversation is back at its prompt. Its buttons become the numbered
     * choices.
     */
    void notice(Message message) {
        synchronized (printing) {
            if (!betweenTurns) {
                held.add(message);
                return;
            }
            terminal.print("");
            print(message);
            terminal.reprompt(PROMPT);
        }
    }

    /** One prompt per input, in order; null when the person cancels or the input ends. */
    private @Nullable Map<String, String> fill(Form form) {
        terminal.print("── " + form.title() + " ── (Enter keeps the value in brackets; " + CANCEL + " stops)");
        Map<String, String> values = new HashMap<>();
        for (Form.Input input : form.inputs()) {
            String value = input instanceof Form.Text text ? askText(text) : askChoice((Form.Choice) input);
            if (value == null) {
                return null;
            }
            values.put(input.key(), value);
        }
        return values;
    }

    private @Nullable String askText(Form.Text field) {
        if (field.description() != null) {
            terminal.print("  " + field.description());
        }
        String prompt = field.label() + (field.value() != null ? " [" + field.value() + "]" : "")
                + (field.required() ? "" : " (optional)") + ": ";
        while (true) {
            String answer = valueOrCommand(field.secret() ? terminal.readSecret(prompt) : terminal.readLine(prompt));
            if (answer == null || answer.trim().equalsIgnoreCase(CANCEL)) {
                return null;
            }
            String value = answer.isBlank() && field.value() != null ? field.value() : answer.strip();
            if (value.length() > field.maxLength()) {
                terminal.print(field.label() + " takes at most " + field.maxLength() + " characters.");
            } else if (value.isEmpty() && field.required()) {
                terminal.print(field.label() + " is required.");
            } else {
                return value;
            }
        }
    }

    private @Nullable String askChoice(Form.Choice field) {
        StringBuilder question = new StringBuilder(field.label()).append(':');
        if (field.description() != null) {
            question.append(" ").append(field.description());
        }
        int preselected = 0;
        for (int i = 0; i < field.options().size(); i++) {
            Option option = field.options().get(i);
            question.append("\n  [").append(i + 1).append("] ").append(option.label())
                    .append(option.description() == null ? "" : " — " + option.description());
            if (option.selected()) {
                preselected = i + 1;
            }
        }
        terminal.print(question.toString());
        String prompt = "Choose 1-" + field.options().size() + (preselected > 0 ? " [" + preselected + "]" : "") + ": ";
        while (true) {
            String answer = valueOrCommand(terminal.readLine(prompt));
            if (answer == null || answer.trim().equalsIgnoreCase(CANCEL)) {
                return null;
            }
            String text = answer.trim();
            if (text.isEmpty() && preselected > 0) {
                return field.options().get(preselected - 1).value();
            }
            if (text.matches("\\d{1,3}")) {
                int number = Integer.parseInt(text);
                if (number >= 1 && number <= field.options().size()) {
                    return field.options().get(number - 1).value();
                }
            }
            terminal.print("Type a number from 1 to " + field.options().size() + ".");
        }
    }

    /**
     * An answer to a question, or null when it is a command: a line whose first word names one
     * ({@code /integration ...}, {@code /quit}) closes the question, and the command runs next. Other lines
     * are values even when they start with a slash (a password may); a value that starts with a command word
     * is typed with the slash doubled ({@code //quit} is the value {@code /quit}).
     */
    private @Nullable String valueOrCommand(@Nullable String answer) {
        if (answer == null) {
            return null;
        }
        String text = answer.strip();
        if (isCommand(text)) {
            typedAtPrompt = text;
            String[] words = text.split("\\s+", 3);
            terminal.print("Form closed, nothing was sent; running " + words[0] + (words.length > 1 ? " " + words[1] : "") + ".");
            return null;
        }
        return text.startsWith("//") && isCommand(text.substring(1)) ? text.substring(1) : answer;
    }

    private boolean isCommand(String text) {
        return text.startsWith("/") && commandWords.contains(text.substring(1).split("\\s+", 2)[0].toLowerCase(Locale.ROOT));
    }

    private String help() {
        StringBuilder help = new StringBuilder("Commands (type them as in Discord):");
        for (CommandSpec command : router.commandSpecs()) {
            for (CommandSpec.Subcommand subcommand : command.subcommands()) {
                help.append("\n  ").append(CommandLineParser.example(command, subcommand))
                        .append(" — ").append(subcommand.description());
            }
        }
        return help.append("\nA number picks one of the choices shown last. /quit leaves.").toString();
    }
}
