package app.plugboard.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatEvent;
import app.plugboard.common.RandomTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Bob's things, named by Alice in every place that names a thing: a command's option (by id or by label), a
 * button's or select's id, a select's chosen value, a form's or question's draft token. Each time, Alice's answer
 * must be exactly the answer she gets for a thing that never existed (the same words, with the name she typed in
 * its place), and nothing of Bob's may change; his open forms stay his and still work.
 */
@Label("Bad input: another person's things")
class ForeignThingsPropertyTest extends BadInputHarness {

    /** A place where Alice names something: the event naming {@code thing} there. */
    record Naming(Kind kind, Function<String, ChatEvent> naming, String description) {
        enum Kind { INTEGRATION_ID, WORKFLOW_ID, LABEL, WORKFLOW_NAME, DRAFT }
    }

    private static final List<String> DRAFT_ROUTES = List.of("int:submit", "int:retry", "int:choose");

    @Property
    @Label("Alice naming Bob's thing gets the answer she gets for one that does not exist, and nothing of Bob's changes")
    void bobsThingsAreNotFound(@ForAll @IntRange(min = 0, max = 9999) int which, @ForAll @IntRange(min = 0, max = 9) int whose) {
        // GIVEN one of the places where Alice names a thing, and one of Bob's things of that kind
        List<Naming> places = namings();
        Naming place = places.get(which % places.size());
        String bobs = bobs(place.kind(), whose);
        String nobodys = nobodys(place.kind());

        // WHEN she names Bob's thing there, and then a thing that never existed
        Answer named = send(place.naming().apply(bobs));
        Answer unknown = send(place.naming().apply(nobodys));

        // THEN both answers read the same (send checked that nothing of Bob's changed, nor was shown)
        assertThat(named.shown().replace(bobs, "⟨name⟩")).as(place.description())
                .isEqualTo(unknown.shown().replace(nobodys, "⟨name⟩"));
        // AND Bob's open forms are still his, and open
        for (Shown form : shownTo(bob()).stream().filter(shown -> shown.route().equals("int:submit")).toList()) {
            String token = form.id().substring("int:submit:".length());
            Answer reopened = send(new ChatEvent.Click(BOB, "int:retry:" + token));
            assertThat(reopened.form()).as("Bob's form %s after %s", token, place.description()).isNotNull();
        }
    }

    /** Every place in which Alice names one of her things: in the ids Plugboard showed her, and in the commands. */
    private List<Naming> namings() {
        List<Naming> places = new ArrayList<>();
        Map<String, Naming.Kind> hers = new HashMap<>();
        alice().integrations().values().forEach(id -> hers.put(id, Naming.Kind.INTEGRATION_ID));
        alice().workflows().values().forEach(id -> hers.put(id, Naming.Kind.WORKFLOW_ID));
        for (Shown shown : shownTo(alice())) {
            hers.forEach((id, kind) -> {
                if (shown.id().contains(id)) {
                    places.add(new Naming(kind, other -> component(shown, shown.id().replace(id, other), firstValue(shown)),
                            shown.kind() + " " + shown.id() + ", its id"));
                }
            });
            for (String value : shown.kind() == Shown.Kind.SELECT ? shown.values() : List.<String>of()) {
                if (hers.containsKey(value)) {
                    places.add(new Naming(hers.get(value), other -> component(shown, shown.id(), other),
                            "choosing in " + shown.id()));
                }
            }
            if (DRAFT_ROUTES.contains(shown.route())) {
                String token = shown.id().substring(shown.route().length() + 1);
                places.add(new Naming(Naming.Kind.DRAFT, other -> component(shown, shown.route() + ":" + other, firstValue(shown)),
                        shown.kind() + " " + shown.route() + ", its token"));
            }
        }
        for (String subcommand : List.of("check", "edit", "delete")) {
            places.add(new Naming(Naming.Kind.INTEGRATION_ID, other -> command(ALICE, "integration", subcommand,
                    Map.of("integration", other)), "/integration " + subcommand + " by id"));
            places.add(new Naming(Naming.Kind.LABEL, other -> command(ALICE, "integration", subcommand,
                    Map.of("integration", other)), "/integration " + subcommand + " by label"));
        }
        places.add(new Naming(Naming.Kind.WORKFLOW_ID, other -> command(ALICE, "workflow", "delete", Map.of("workflow", other)),
                "/workflow delete by id"));
        places.add(new Naming(Naming.Kind.WORKFLOW_NAME, other -> command(ALICE, "workflow", "delete", Map.of("workflow", other)),
                "/workflow delete by name"));
        places.add(new Naming(Naming.Kind.INTEGRATION_ID, other -> command(ALICE, "workflow", "create",
                Map.of("name", "Spying", "integrations", "Family, " + other)), "/workflow create using an id"));
        places.add(new Naming(Naming.Kind.LABEL, other -> command(ALICE, "workflow", "create",
                Map.of("name", "Spying", "integrations", other + ", Family")), "/workflow create using a label"));
        return places;
    }

    private static String firstValue(Shown shown) {
        return shown.values().isEmpty() ? "" : shown.values().get(0);
    }

    /** Alice using a component as Plugboard showed it (a form sent empty), with {@code id} and {@code value}. */
    private static ChatEvent component(Shown shown, String id, String value) {
        return switch (shown.kind()) {
            case BUTTON -> new ChatEvent.Click(ALICE, id);
            case SELECT -> new ChatEvent.Choose(ALICE, id, List.of(value));
            case FORM -> {
                Map<String, String> values = new HashMap<>();
                shown.values().forEach(key -> values.put(key, ""));
                yield new ChatEvent.FormSubmit(ALICE, id, values);
            }
        };
    }

    private String bobs(Naming.Kind kind, int n) {
        List<String> pool = switch (kind) {
            case INTEGRATION_ID -> new ArrayList<>(bob().integrations().values());
            case WORKFLOW_ID -> new ArrayList<>(bob().workflows().values());
            case LABEL -> new ArrayList<>(bob().integrations().keySet());
            case WORKFLOW_NAME -> new ArrayList<>(bob().workflows().keySet());
            case DRAFT -> shownTo(bob()).stream().filter(shown -> DRAFT_ROUTES.contains(shown.route()))
                    .map(shown -> shown.id().substring(shown.route().length() + 1)).distinct().toList();
        };
        List<String> sorted = new ArrayList<>(pool);
        sorted.sort(null);
        return sorted.get(n % sorted.size());
    }

    /** A thing of that kind that never existed, written the way Bob's are. */
    private static String nobodys(Naming.Kind kind) {
        return switch (kind) {
            case INTEGRATION_ID, WORKFLOW_ID -> UUID.randomUUID().toString();
            case LABEL -> "Nobodys " + RandomTokens.urlSafe(6);
            case WORKFLOW_NAME -> "Nobodys routine " + RandomTokens.urlSafe(6);
            case DRAFT -> RandomTokens.urlSafe(15);
        };
    }
}
