package app.plugboard.soak;

import app.plugboard.common.NotFoundException;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowState;
import app.plugboard.workflow.WorkflowView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Nothing acknowledged is lost", checked: what each person was told ({@link Memory}) held against what is
 * stored, read through the services as Plugboard reads it (settings decrypted). Every integration a person
 * was told is connected is stored, under the label they last gave, with the settings they typed; none is
 * stored that they were not told about; every integration they were told was deleted is gone (from every
 * owner); every workflow is stored as they were told (paused or running, with the integrations they were
 * told it uses), none more, and every one they were told was deleted is gone.
 */
final class Consistency {

    private final IntegrationService integrations;
    private final WorkflowService workflows;
    private final JdbcTemplate jdbc;

    Consistency(IntegrationService integrations, WorkflowService workflows, JdbcTemplate jdbc) {
        this.integrations = integrations;
        this.workflows = workflows;
        this.jdbc = jdbc;
    }

    /** Every difference between what the people were told and what is stored; empty when none. */
    List<String> discrepancies(Collection<Memory> people) {
        List<String> found = new ArrayList<>();
        for (Memory person : people) {
            checkIntegrations(person, found);
            checkWorkflows(person, found);
        }
        return found;
    }

    private void checkIntegrations(Memory person, List<String> found) {
        Map<IntegrationId, IntegrationView> stored = integrations.list(person.user).stream()
                .collect(Collectors.toMap(IntegrationView::id, Function.identity()));
        for (Memory.Integration told : person.integrations) {
            IntegrationView view = stored.remove(told.id);
            if (view == null) {
                found.add(person.name + " was told " + told + " is connected: it is not stored");
                continue;
            }
            if (!view.label().equals(told.label)) {
                found.add(person.name + " was told " + told + " is labelled so: it is stored as " + view.label());
            }
            IntegrationSettings settings = integrations.settings(person.user, told.id);
            if (!settings.equals(told.settings)) {
                found.add(person.name + " was told " + told + " is connected with the settings they typed: "
                        + "stored settings differ (" + differences(told.settings, settings) + ")");
            }
        }
        Set<IntegrationId> toldDeleted = person.deletedIntegrations.stream().map(deleted -> deleted.id).collect(Collectors.toSet());
        stored.values().stream().filter(extra -> !toldDeleted.contains(extra.id()))
                .forEach(extra -> found.add(person.name + " has " + extra.label() + " (" + extra.id()
                        + ") stored, but was never told it was connected"));
        for (Memory.Integration deleted : person.deletedIntegrations) {
            Integer rows = jdbc.queryForObject("select count(*) from integration where id = ?", Integer.class,
                    deleted.id.value());
            if (rows == null || rows != 0) {
                found.add(person.name + " was told " + deleted + " was deleted: it is still stored");
            } else {
                try {
                    integrations.get(person.user, deleted.id);
                    found.add(person.name + " was told " + deleted + " was deleted: Plugboard still shows it");
                } catch (NotFoundException expected) {
                    // gone, as told
                }
            }
        }
    }

    private void checkWorkflows(Memory person, List<String> found) {
        Map<String, WorkflowView> stored = workflows.list(person.user).stream()
                .collect(Collectors.toMap(WorkflowView::name, Function.identity(), (a, b) -> a));
        for (Memory.Workflow told : person.workflows) {
            WorkflowView view = stored.remove(told.name);
            if (view == null) {
                found.add(person.name + " was told the workflow " + told + " was created: it is not stored");
                continue;
            }
            WorkflowState expected = told.paused ? WorkflowState.PAUSED : WorkflowState.ACTIVE;
            if (view.state() != expected) {
                found.add(person.name + " was told the workflow " + told + " is " + expected.name().toLowerCase(Locale.ROOT)
                        + ": it is stored " + view.state().name().toLowerCase(Locale.ROOT));
            }
            if (!view.integrations().equals(Set.copyOf(told.uses))) {
                found.add(person.name + " was told the workflow " + told + " uses " + told.uses + ": it is stored using "
                        + view.integrations());
            }
        }
        stored.values().forEach(extra -> found.add(person.name + " has the workflow " + extra.name()
                + " stored, but was never told it was created"));
        for (String deleted : person.deletedWorkflows) {
            boolean stillThere = workflows.list(person.user).stream().anyMatch(view -> view.name().equals(deleted));
            if (stillThere) {
                found.add(person.name + " was told the workflow " + deleted + " was deleted: it is still stored");
            }
        }
    }

    /** Which settings differ, by name only (their values may be secrets). */
    private static String differences(IntegrationSettings told, IntegrationSettings stored) {
        if (!told.getClass().equals(stored.getClass()) || !told.getClass().isRecord()) {
            return "a " + stored.getClass().getSimpleName() + " instead of a " + told.getClass().getSimpleName();
        }
        List<String> names = new ArrayList<>();
        for (var component : told.getClass().getRecordComponents()) {
            try {
                Object mine = component.getAccessor().invoke(told);
                Object theirs = component.getAccessor().invoke(stored);
                if (mine == null ? theirs != null : !mine.equals(theirs)) {
                    names.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                names.add(component.getName() + " (unreadable)");
            }
        }
        return String.join(", ", names);
    }
}
