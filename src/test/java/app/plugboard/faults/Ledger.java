package app.plugboard.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What people were told, replayed in order, is what the database must hold: every "✅ … is connected" and "✅
 * Created the workflow" is there, every "🗑️ Deleted" is gone with its workflows paused, every "✏️ Renamed" is the
 * new label, and an answer that said nothing changed (the database was not reachable, a refusal) changed nothing.
 * An operation whose answer never came (Plugboard was killed meanwhile) may have happened or not, but wholly: the
 * database holds the state before it or the state after it, never a mix.
 */
final class Ledger {

    /** A workflow as the database and the ledger see it. */
    record Flow(String state, Set<String> uses) {
    }

    /** What one person owns. */
    record State(Set<String> integrations, Map<String, Flow> workflows) {
        static State empty() {
            return new State(Set.of(), Map.of());
        }

        State add(String label) {
            Set<String> labels = new TreeSet<>(integrations);
            labels.add(label);
            return new State(labels, workflows);
        }

        State create(String workflow, String label) {
            Map<String, Flow> flows = new TreeMap<>(workflows);
            flows.put(workflow, new Flow("ACTIVE", Set.of(label)));
            return new State(integrations, flows);
        }

        State delete(String label) {
            Set<String> labels = new TreeSet<>(integrations);
            labels.remove(label);
            Map<String, Flow> flows = new TreeMap<>();
            workflows.forEach((name, flow) -> {
                if (flow.uses().contains(label)) {
                    Set<String> left = new TreeSet<>(flow.uses());
                    left.remove(label);
                    flows.put(name, new Flow("PAUSED", left));
                } else {
                    flows.put(name, flow);
                }
            });
            return new State(labels, flows);
        }

        State rename(String label, String newLabel) {
            Set<String> labels = new TreeSet<>(integrations);
            labels.remove(label);
            labels.add(newLabel);
            Map<String, Flow> flows = new TreeMap<>();
            workflows.forEach((name, flow) -> flows.put(name, new Flow(flow.state(), flow.uses().stream()
                    .map(used -> used.equals(label) ? newLabel : used).collect(Collectors.toCollection(TreeSet::new)))));
            return new State(labels, flows);
        }
    }

    /** Per person, the states the database may hold: one, or several after answers that never came. */
    private final Map<String, List<State>> allowed = new TreeMap<>();
    private final List<String> indeterminate = new ArrayList<>();
    private final List<String> mismatchedAnswers = new ArrayList<>();

    /** Replays what each person read, in the order they read it. */
    static Ledger of(List<Person.Seen> journal) {
        Ledger ledger = new Ledger();
        journal.stream().sorted(java.util.Comparator.comparingLong(Person.Seen::endedNanos)).forEach(ledger::apply);
        return ledger;
    }

    /** Answers that did not say whether it happened: no answer, an answer cut off. */
    List<String> indeterminate() {
        return List.copyOf(indeterminate);
    }

    /** "Deleted" answers whose paused workflows were not those the person had. */
    List<String> mismatchedAnswers() {
        return List.copyOf(mismatchedAnswers);
    }

    private void apply(Person.Seen seen) {
        List<State> states = allowed.computeIfAbsent(seen.person(), person -> List.of(State.empty()));
        String answer = seen.answer();
        boolean unknown = answer.startsWith("(no answer") || answer.startsWith("(still on") || answer.startsWith("(the test");
        java.util.function.UnaryOperator<State> operation = switch (seen.what()) {
            case "add", "submit an open form" -> answer.startsWith("✅ " + seen.label() + " is connected.") || unknown
                    ? state -> state.add(seen.label()) : null;
            case "create workflow" -> {
                String[] names = seen.label().split(" uses ");
                yield answer.startsWith("✅ Created the workflow " + names[0] + ".") || unknown
                        ? state -> state.create(names[0], names[1]) : null;
            }
            case "delete" -> answer.startsWith("🗑️ Deleted " + seen.label() + ".") || unknown
                    ? state -> state.delete(seen.label()) : null;
            case "rename" -> {
                String[] labels = seen.label().split(" -> ");
                yield answer.startsWith("✏️ Renamed " + labels[0] + " to " + labels[1] + ".") || unknown
                        ? state -> state.rename(labels[0], labels[1]) : null;
            }
            default -> null;
        };
        if (operation == null) {
            return;
        }
        if (seen.what().equals("delete") && !unknown) {
            checkPaused(seen, states);
        }
        if (unknown) {
            indeterminate.add(seen.person() + ": " + seen.what() + " " + seen.label() + ": " + answer);
            Set<State> either = new LinkedHashSet<>(states);
            states.forEach(state -> either.add(operation.apply(state)));
            allowed.put(seen.person(), List.copyOf(either));
        } else {
            allowed.put(seen.person(), states.stream().map(operation).distinct().toList());
        }
    }

    private void checkPaused(Person.Seen seen, List<State> states) {
        for (State state : states) {
            List<String> using = state.workflows().entrySet().stream().filter(e -> e.getValue().uses().contains(seen.label()))
                    .map(Map.Entry::getKey).sorted().toList();
            boolean said = using.isEmpty() ? !seen.answer().contains("Paused") : using.stream().allMatch(seen.answer()::contains);
            if (said) {
                return;
            }
        }
        mismatchedAnswers.add(seen.person() + " read \"" + seen.answer() + "\" but had " + states);
    }

    /**
     * Where the database differs from what people were told: one line per person whose stored integrations and
     * workflows are none of the states their answers allow. {@code owners} maps each person to their Discord id.
     */
    List<String> differences(JdbcTemplate database, Map<String, Long> owners) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Long> owner : owners.entrySet()) {
            State stored = stored(database, owner.getValue());
            List<State> states = allowed.getOrDefault(owner.getKey(), List.of(State.empty()));
            if (!states.contains(stored)) {
                differences.add(owner.getKey() + " holds " + stored + " but was told " + states);
            }
        }
        return differences;
    }

    private static State stored(JdbcTemplate database, long owner) {
        Set<String> labels = new TreeSet<>(database.queryForList("select label from integration where owner_id = ?",
                String.class, owner));
        Map<String, Flow> flows = new TreeMap<>();
        Map<String, Set<String>> uses = new HashMap<>();
        database.query("select w.name, i.label from workflow w join workflow_integration wi on wi.workflow_id = w.id "
                + "join integration i on i.id = wi.integration_id where w.owner_id = ?", row -> {
            uses.computeIfAbsent(row.getString(1), name -> new TreeSet<>()).add(row.getString(2));
        }, owner);
        database.query("select name, state from workflow where owner_id = ?", row -> {
            flows.put(row.getString(1), new Flow(row.getString(2), uses.getOrDefault(row.getString(1), new TreeSet<>())));
        }, owner);
        return new State(labels, flows);
    }
}
