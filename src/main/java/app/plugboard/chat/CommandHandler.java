package app.plugboard.chat;

import java.util.List;

/** One slash subcommand: its definition, its answer and its autocomplete. */
public interface CommandHandler {

    String command();

    CommandSpec.Subcommand spec();

    Response handle(ChatEvent.Command event);

    default List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        return List.of();
    }
}
