package app.plugboard.soak;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one simulated person was told, and so believes is stored: the integrations Plugboard said were
 * connected (with the settings they typed, and the label they last gave), the workflows it said it created
 * (and whether it said it paused them), and what it said it deleted. Only the person's own thread writes it;
 * the consistency check reads it after that thread has ended.
 */
final class Memory {

    /** An integration the person was told is connected. */
    static final class Integration {
        final IntegrationId id;
        final boolean mail;
        String label;
        IntegrationSettings settings;

        Integration(IntegrationId id, boolean mail, String label, IntegrationSettings settings) {
            this.id = id;
            this.mail = mail;
            this.label = label;
            this.settings = settings;
        }

        @Override
        public String toString() {
            return label + " (" + id + ")";
        }
    }

    /** A workflow the person was told was created. */
    static final class Workflow {
        final String name;
        final Set<IntegrationId> uses;
        boolean paused;

        Workflow(String name, Set<IntegrationId> uses) {
            this.name = name;
            this.uses = new LinkedHashSet<>(uses);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    final UserId user;
    final String name;
    final List<Integration> integrations = new ArrayList<>();
    final List<Workflow> workflows = new ArrayList<>();
    final List<Integration> deletedIntegrations = new ArrayList<>();
    final Set<String> deletedWorkflows = new LinkedHashSet<>();

    Memory(UserId user, String name) {
        this.user = user;
        this.name = name;
    }

    Optional<Integration> integration(IntegrationId id) {
        return integrations.stream().filter(held -> held.id.equals(id)).findFirst();
    }

    Optional<Workflow> workflow(String name) {
        return workflows.stream().filter(held -> held.name.equals(name)).findFirst();
    }

    /** The workflows that still use the integration (the ones a delete would pause or move). */
    List<Workflow> using(IntegrationId id) {
        return workflows.stream().filter(workflow -> workflow.uses.contains(id)).toList();
    }

    /** Told "Deleted X. Paused n workflows: …": X is gone, those workflows are paused and no longer use it. */
    void deleted(Integration integration, List<String> pausedNames) {
        integrations.remove(integration);
        deletedIntegrations.add(integration);
        for (String paused : pausedNames) {
            workflow(paused).ifPresent(workflow -> {
                workflow.uses.remove(integration.id);
                workflow.paused = true;
            });
        }
    }

    /** Told "Deleted X. Moved n workflows to Y: …": X is gone, those workflows use Y instead, in the state they had. */
    void deletedAndMoved(Integration integration, Integration target, List<String> movedNames) {
        integrations.remove(integration);
        deletedIntegrations.add(integration);
        for (String moved : movedNames) {
            workflow(moved).ifPresent(workflow -> {
                workflow.uses.remove(integration.id);
                workflow.uses.add(target.id);
            });
        }
    }

    void deletedWorkflow(Workflow workflow) {
        workflows.remove(workflow);
        deletedWorkflows.add(workflow.name);
    }
}
