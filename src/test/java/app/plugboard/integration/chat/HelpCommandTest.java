package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.CommandSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/integration help")
class HelpCommandTest {

    @Test
    @DisplayName("is written from the command specs: each command, then each subcommand with its options and description")
    void writtenFromSpecs() {
        // GIVEN the specs of two commands, one with a subcommand added later
        List<CommandSpec> specs = List.of(
                new CommandSpec("integration", "Connects the services your assistant uses", List.of(
                        CommandSpec.Subcommand.of("add", "Connect a new service",
                                CommandSpec.Parameter.autocompleted("type", "What"),
                                CommandSpec.Parameter.required("label", "Its name", 80)),
                        CommandSpec.Subcommand.of("help", "What each command does"))),
                new CommandSpec("workflow", "Keeps your assistant's workflows", List.of(
                        CommandSpec.Subcommand.of("pause", "Pause a workflow", CommandSpec.Parameter.autocompleted("workflow", "Which")))));

        // WHEN the help is written THEN every subcommand is in it (help itself aside), and the privacy note ends it
        assertThat(HelpCommand.text(specs)).isEqualTo("""
                **/integration** connects the services your assistant uses.
                • `/integration add type label` — Connect a new service.
                **/workflow** keeps your assistant's workflows.
                • `/workflow pause workflow` — Pause a workflow.
                Everything Plugboard answers here is visible to you only. Passwords go into forms, never into commands.""");
    }
}
