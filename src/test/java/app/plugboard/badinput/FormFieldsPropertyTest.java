package app.plugboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.Control;
import app.plugboard.chat.ExpiredException;
import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.chat.Suggestion;
import app.plugboard.testsupport.ScriptedProbes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every field of every form: the add forms of each type that is typed in, and each edit form (rename, new
 * credentials, sending mail, a new address) of each kind of integration. The forms are opened as Alice would
 * open them, through the commands and buttons, and filled with generated values: mostly what the field expects
 * with one or two bad values among them, so that the checks, the connection check and storing are reached too.
 */
@Label("Bad input: every field of every form")
class FormFieldsPropertyTest extends BadInputHarness {

    /** What the conversation's fields expect, by their keys (a field of another key gets plausible text). */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "username", List.of("alice@example.com", "alice", "someone@gmail.com", "alice.cal"),
            "password", List.of("pw-4711", ScriptedProbes.WRONG_PASSWORD, "correct horse battery staple"),
            "server", List.of("imap.example.com", "imap.other.example", ScriptedProbes.UNKNOWN_SERVER, ScriptedProbes.BUSY_SERVER, ""),
            "port", List.of("993", "143", "0", "65536"),
            "smtpServer", List.of("smtp.example.com", "smtp.other.example", ""),
            "smtpPort", List.of("465", "587", ""),
            "address", List.of("https://calendar.example.com/cal.ics", "webcal://calendar.example.com/cal.ics",
                    "https://dav.example.com/dav", "https://dav.other.example/remote.php/dav"),
            "label", List.of("Renamed", "Family", "WORK MAIL", "Home mail"));
    private static final List<String> PLAIN = List.of("Work mail", "alice@example.com", "993", "https://calendar.example.com/a.ics");

    @Property
    @Label("any values in any form get a clear answer naming what to fix, and nothing is stored unless the answer says so")
    void anyFormValues(@ForAll @IntRange(min = 0, max = 9999) int which,
            @ForAll @Size(min = 5, max = 5) List<@From("fieldValues") String> values,
            @ForAll("followUps") String followUp) {
        // GIVEN one of Alice's forms, opened as she would open it
        Form form = open(which);

        // WHEN she sends it with these values
        Map<String, String> typed = fill(form, values);
        Answer answer = send(submit(ALICE, form, typed));

        // THEN the answer is clear (send checks: no error text, nothing stored unless it says so, nothing of Bob's)
        // AND a refusal names the field to fix
        String refusal = answer.last().map(message -> message.text()).orElse("");
        if (refusal.startsWith("⚠️ Please fix this") || refusal.startsWith("⚠️ Nothing was changed. Please fix")) {
            for (String problem : refusal.lines().skip(1).toList()) {
                String field = subject(problem);
                assertThat(form.inputs()).as("%s names a field of the form", problem).anySatisfy(input -> assertThat(
                        field.contains(input.label().toLowerCase()) || input.label().toLowerCase().contains(field)).isTrue());
            }
        }
        // AND what it offers next works too: "Try again" reopens the form with what was typed, except secrets,
        // and a "Which one?" takes any value chosen
        Optional<Control.Button> tryAgain = answer.button(Control.Button.TRY_AGAIN);
        if (tryAgain.isPresent()) {
            Answer again = send(new ChatEvent.Click(ALICE, tryAgain.get().id().encode()));
            assertThat(again.form()).as("Try again reopens the form: %s", again).isNotNull();
            assertThat(again.form().id()).isEqualTo(form.id());
            for (Form.Input input : again.form().inputs()) {
                if (input instanceof Form.Text text && text.value() != null && typed.containsKey(input.key())) {
                    assertThat(text.value()).as("%s prefilled with what was typed", input.label()).isEqualTo(typed.get(input.key()));
                }
            }
        }
        for (Control.Select select : answer.selects()) {
            String value = followUp.equals("⟦first⟧") ? select.options().get(0).value() : followUp;
            send(new ChatEvent.Choose(ALICE, select.id().encode(), List.of(value)));
        }
    }

    @Property
    @Label("a form that has expired, or was already sent, stores nothing whatever it holds, and says to start again")
    void expiredForms(@ForAll @IntRange(min = 0, max = 9999) int which,
            @ForAll @Size(min = 5, max = 5) List<@From("fieldValues") String> values, @ForAll boolean sentBefore) {
        // GIVEN one of Alice's forms, which was sent and stored already, or has been open for more than an hour
        Form form = open(which);
        if (sentBefore) {
            Answer sent = quietly(submit(ALICE, form, valid(form)));
            for (Control.Select select : sent.selects()) { // "Which one?": the first
                sent = quietly(new ChatEvent.Choose(ALICE, select.id().encode(), List.of(select.options().get(0).value())));
            }
            assertThat(sent.shown()).as("sent and stored").containsPattern(ANNOUNCES_A_CHANGE);
        } else {
            clock.advance(Duration.ofMinutes(61));
            openTheirFormsAgainNextTry();
        }

        // WHEN she sends it (again)
        Answer answer = send(submit(ALICE, form, fill(form, values)));

        // THEN she is told it has expired, and nothing is stored (send)
        assertThat(answer.shown().strip()).isEqualTo(ExpiredException.MESSAGE);
    }

    /** What a problem's sentence is about: "Port" in "Port must be a number…", "IMAP server" in "IMAP server is empty…". */
    private static String subject(String problem) {
        Matcher verb = Pattern.compile(" is | must | contains | has | needs |:").matcher(problem);
        return (verb.find() ? problem.substring(0, verb.start()) : problem).strip().toLowerCase();
    }

    @Provide
    Arbitrary<String> fieldValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 9).map(n -> "⟦expected " + n + "⟧")),
                Tuple.of(3, BadValues.any()),
                Tuple.of(1, References.one())).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> followUps() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("⟦first⟧")), Tuple.of(1, Arbitraries.of("1", "2", "-1")),
                Tuple.of(2, BadValues.any()));
    }

    /**
     * The form picked by {@code which}: the add form of a type that has one, or an edit form of one of Alice's
     * integrations (what its edit choices open, but "Check now" and muting alerts).
     */
    private Form open(int which) {
        List<String> types = quietly(new ChatEvent.Autocomplete(ALICE, "integration", "add", "type", Map.of("type", "")))
                .suggestions().stream().map(Suggestion::value).toList();
        List<String> integrations = new ArrayList<>(alice().integrations().values());
        integrations.sort(null);
        int pick = which % (types.size() + integrations.size());
        if (pick < types.size()) {
            Answer added = quietly(command(ALICE, "integration", "add", Map.of("type", types.get(pick), "label", "New one")));
            if (added.form() != null) {
                return added.form();
            }
            pick = types.size() + which % integrations.size(); // a type that signs in has no form: edit one instead
        }
        Answer choices = quietly(command(ALICE, "integration", "edit", Map.of("integration", integrations.get(pick - types.size()))));
        List<Control.Button> opening = choices.buttons().stream()
                .filter(button -> !button.label().equals("Check now") && !button.label().endsWith(" alerts")).toList();
        Answer opened = quietly(new ChatEvent.Click(ALICE, opening.get(which % opening.size()).id().encode()));
        assertThat(opened.form()).as("the form behind %s", opening).isNotNull();
        return opened.form();
    }

    /** The values, in the order of the form's inputs; null leaves an input out. */
    private Map<String, String> fill(Form form, List<String> values) {
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i < form.inputs().size(); i++) {
            String value = values.get(i);
            if (value != null) {
                typed.put(form.inputs().get(i).key(), expected(form.inputs().get(i), References.resolve(value, alice(), bob())));
            }
        }
        return typed;
    }

    private Map<String, String> valid(Form form) {
        Map<String, String> typed = new HashMap<>();
        form.inputs().forEach(input -> typed.put(input.key(), expected(input, "⟦expected 0⟧")));
        return typed;
    }

    /** {@code ⟦expected n⟧} becomes the n-th value the input expects: one of a choice's options, or of its key's values. */
    private static String expected(Form.Input input, String value) {
        if (!value.startsWith("⟦expected ")) {
            return value;
        }
        int n = Integer.parseInt(value.replaceAll("\\D", ""));
        List<String> pool = input instanceof Form.Choice choice ? choice.options().stream().map(Option::value).toList()
                : EXPECTED.getOrDefault(input.key(), PLAIN);
        return pool.get(n % pool.size());
    }
}
