package app.plugboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every option of every slash command, and their autocomplete, with generated values. The commands are read from
 * the router (what Discord registers), so a new command or option is covered without touching this class.
 */
@Label("Bad input: every option of every command, and autocomplete")
class CommandOptionsPropertyTest extends BadInputHarness {

    @Property
    @Label("any values in the options of any command get a clear answer, and change nothing unless the answer says so")
    void anyOptionValues(@ForAll @IntRange(min = 0, max = 9999) int which,
            @ForAll @Size(max = 4) List<@From("optionValues") String> values,
            @ForAll("undeclared") Map<String, String> undeclared) {
        // GIVEN one of the commands (or, one time in ten, a subcommand that does not exist), and values for its options
        Subcommand subcommand = pick(which);
        Map<String, String> options = new HashMap<>(resolved(undeclared));
        List<CommandSpec.Parameter> parameters = subcommand.spec().options();
        for (int i = 0; i < parameters.size() && i < values.size(); i++) {
            if (values.get(i) != null) {
                options.put(parameters.get(i).name(), References.resolve(values.get(i), alice(), bob()));
            }
        }
        String name = subcommand.unknown() && !values.isEmpty() && values.get(0) != null ? values.get(0) : subcommand.spec().name();

        // WHEN Alice runs it THEN the answer is clear, and nothing changed unless it says so (checked by send)
        Answer answer = send(command(ALICE, subcommand.command(), name, options));

        // AND it says something: a message, or the form the command opens
        assertThat(answer.response()).isNotInstanceOf(Response.Suggestions.class);
        assertThat(answer.form() != null || answer.last().filter(message -> !message.text().isBlank()
                || !message.cards().isEmpty()).isPresent()).as("an answer to %s", answer).isTrue();
    }

    @Property
    @Label("autocomplete of any option, with anything typed, suggests only Alice's own things, and changes nothing")
    void anyAutocomplete(@ForAll @IntRange(min = 0, max = 9999) int which, @ForAll @IntRange(min = 0, max = 9) int focus,
            @ForAll @Size(max = 4) List<@From("optionValues") String> values, @ForAll("anyText") String typed) {
        // GIVEN one of the commands, an option of it being typed (or an option it does not have), and what is typed
        Subcommand subcommand = pick(which);
        List<CommandSpec.Parameter> parameters = subcommand.spec().options();
        String focused = focus < parameters.size() ? parameters.get(focus).name() : typed;
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < parameters.size() && i < values.size(); i++) {
            if (values.get(i) != null) {
                options.put(parameters.get(i).name(), References.resolve(values.get(i), alice(), bob()));
            }
        }
        options.put(focused, References.resolve(typed, alice(), bob()));

        // WHEN Discord asks for suggestions
        Answer answer = send(new ChatEvent.Autocomplete(ALICE, subcommand.command(), subcommand.spec().name(), focused, options));

        // THEN it gets suggestions (perhaps none), never an error message; Bob's things are never among them (send)
        assertThat(answer.response()).as(answer.toString()).isInstanceOf(Response.Suggestions.class);
    }

    @Provide
    Arbitrary<String> optionValues() {
        return References.optionValue();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(BadValues.any(), References.one());
    }

    @Provide
    Arbitrary<Map<String, String>> undeclared() {
        return Arbitraries.maps(Arbitraries.oneOf(BadValues.any(), Arbitraries.of("integration", "workflow", "label", "type",
                "name", "integrations")), Arbitraries.oneOf(BadValues.any(), References.one())).ofMaxSize(2);
    }

    private Map<String, String> resolved(Map<String, String> options) {
        Map<String, String> resolved = new HashMap<>();
        options.forEach((name, value) -> resolved.put(name, References.resolve(value, alice(), bob())));
        return resolved;
    }

    /** @param unknown stands for a subcommand the group does not have */
    record Subcommand(String command, CommandSpec.Subcommand spec, boolean unknown) {
    }

    /** Every subcommand the router registers, and for each group one that does not exist. */
    private Subcommand pick(int which) {
        List<Subcommand> all = new ArrayList<>();
        for (CommandSpec group : router.commandSpecs()) {
            group.subcommands().forEach(spec -> all.add(new Subcommand(group.name(), spec, false)));
            all.add(new Subcommand(group.name(), CommandSpec.Subcommand.of("nonexistent", "none"), true));
        }
        return all.get(which % all.size());
    }
}
