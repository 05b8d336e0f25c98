package app.plugboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * Every kind of button, select and form id, as Plugboard showed them to Alice or to Bob, then forged: cut short,
 * lengthened, an argument replaced (by garbage, a number, an unknown id, one of Bob's ids, a draft token of the
 * right shape), another route, other case, no arguments, or nothing like an id at all; sent as a click, a choice
 * (of any values) or a submitted form (of any values), sometimes after its form has expired.
 */
@Label("Bad input: every component id, forged")
class ComponentIdsPropertyTest extends BadInputHarness {

    /** How the id is forged. */
    enum Forgery { AS_SHOWN, CUT_SHORT, ARGUMENT_ADDED, ARGUMENT_REPLACED, OTHER_ROUTE, OTHER_CASE, NO_ARGUMENTS, NOT_AN_ID }

    /** How it is sent: as the component it belongs to, or as another kind. */
    enum Sent { AS_ITS_KIND, CLICK, CHOICE, FORM }

    /** Draft tokens: forms, "Try again" and "Which one?" keep what they are about in memory, under the token. */
    private static final List<String> DRAFT_ROUTES = List.of("int:submit", "int:retry", "int:choose");

    @Property
    @Label("any forged or foreign component id, sent any way, gets a clear answer and changes nothing that is not Alice's")
    void anyComponentId(@ForAll boolean bobs, @ForAll @IntRange(min = 0, max = 9999) int which, @ForAll("forgeries") Forgery forgery,
            @ForAll @IntRange(min = 0, max = 99) int where, @ForAll("idParts") String part, @ForAll("ways") Sent sent,
            @ForAll @Size(max = 3) List<@From("chosenValues") String> chosen,
            @ForAll @Size(max = 5) List<@From("formValues") String> values, @ForAll("expired") boolean expired) {
        // GIVEN a button, select or form Plugboard showed Alice (or Bob), forged
        List<Shown> all = shownTo(bobs ? bob() : alice());
        Shown original = all.get(which % all.size());
        String id = forge(original, forgery, where, References.resolve(part, alice(), bob()));
        if (expired) {
            clock.advance(Duration.ofMinutes(61));
            openTheirFormsAgainNextTry();
        }

        // WHEN Alice sends it
        Answer answer = send(event(original, id, sent, chosen, values));

        // THEN the answer is clear, and nothing but Alice's own things changed (send checks)
        // AND a draft that expired, or never was hers, has expired
        boolean draftRoute = DRAFT_ROUTES.contains(new Shown(original.kind(), id, List.of()).route());
        if (draftRoute && (expired || bobs) && forgery != Forgery.OTHER_ROUTE) {
            assertThat(answer.shown().strip()).as(answer.toString()).isEqualTo(ExpiredException.MESSAGE);
        }
    }

    /** Mostly as shown or with one argument replaced: the ids that decode, and so reach the handlers. */
    @Provide
    Arbitrary<Forgery> forgeries() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Forgery.AS_SHOWN)),
                Tuple.of(4, Arbitraries.just(Forgery.ARGUMENT_REPLACED)), Tuple.of(3, Arbitraries.of(Forgery.values())));
    }

    @Provide
    Arbitrary<Sent> ways() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Sent.AS_ITS_KIND)), Tuple.of(1, Arbitraries.of(Sent.values())));
    }

    @Provide
    Arbitrary<String> idParts() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, BadValues.any()),
                Tuple.of(2, References.one()),
                Tuple.of(2, Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()).toString())),
                Tuple.of(2, Arbitraries.of("0", "1", "-1", "25", "2147483648", "9223372036854775808", "00000000001", "1e3")),
                Tuple.of(1, Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
                        .ofLength(20)));
    }

    @Provide
    Arbitrary<String> chosenValues() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("⟦shown⟧")), Tuple.of(2, References.one()),
                Tuple.of(2, BadValues.any()), Tuple.of(1, Arbitraries.of("0", "1", "-1", "25", "99999999999")));
    }

    @Provide
    Arbitrary<String> formValues() {
        return Arbitraries.oneOf(BadValues.any(), References.one(), Arbitraries.of("alice@example.com", "993", "Renamed"));
    }

    @Provide
    Arbitrary<Boolean> expired() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(9, Arbitraries.just(false)));
    }

    private String forge(Shown original, Forgery forgery, int where, String part) {
        String id = original.id();
        List<String> pieces = new ArrayList<>(List.of(id.split(":", -1)));
        return switch (forgery) {
            case AS_SHOWN -> id;
            case CUT_SHORT -> id.substring(0, where * id.length() / 100);
            case ARGUMENT_ADDED -> id + ":" + part;
            case ARGUMENT_REPLACED -> {
                int at = pieces.size() <= 2 ? pieces.size() : 2 + where % (pieces.size() - 2);
                if (at == pieces.size()) {
                    pieces.add(part);
                } else {
                    pieces.set(at, part);
                }
                yield String.join(":", pieces);
            }
            case OTHER_ROUTE -> {
                List<Shown> everything = new ArrayList<>(shownTo(alice()));
                everything.addAll(shownTo(bob()));
                Shown other = everything.get(where % everything.size());
                pieces.set(0, other.route().split(":")[0]);
                pieces.set(1, other.route().split(":")[1]);
                yield String.join(":", pieces);
            }
            case OTHER_CASE -> where % 2 == 0 ? id.toUpperCase(Locale.ROOT) : id.toLowerCase(Locale.ROOT);
            case NO_ARGUMENTS -> original.route();
            case NOT_AN_ID -> part;
        };
    }

    private ChatEvent event(Shown original, String id, Sent sent, List<String> chosen, List<String> values) {
        Shown.Kind kind = switch (sent) {
            case AS_ITS_KIND -> original.kind();
            case CLICK -> Shown.Kind.BUTTON;
            case CHOICE -> Shown.Kind.SELECT;
            case FORM -> Shown.Kind.FORM;
        };
        return switch (kind) {
            case BUTTON -> new ChatEvent.Click(ALICE, id);
            case SELECT -> {
                List<String> picked = new ArrayList<>();
                for (int i = 0; i < chosen.size(); i++) {
                    picked.add(chosen.get(i).equals("⟦shown⟧") && !original.values().isEmpty()
                            ? original.values().get(i % original.values().size())
                            : References.resolve(chosen.get(i), alice(), bob()));
                }
                yield new ChatEvent.Choose(ALICE, id, picked);
            }
            case FORM -> {
                List<String> keys = original.kind() == Shown.Kind.FORM ? original.values() : List.of("label", "username", "port");
                Map<String, String> typed = new HashMap<>();
                for (int i = 0; i < keys.size() && i < values.size(); i++) {
                    typed.put(keys.get(i), References.resolve(values.get(i), alice(), bob()));
                }
                yield new ChatEvent.FormSubmit(ALICE, id, typed);
            }
        };
    }
}
