package app.plugboard.workflow;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One of the assistant's workflows, as far as Plugboard knows it: a name, a state and the integrations it uses. */
@Table("workflow")
class Workflow {

    @Id
    private final WorkflowId id;
    @Version
    private @Nullable Long version;
    @Column("owner_id")
    private final UserId owner;
    private String name;
    private WorkflowState state;
    @MappedCollection(idColumn = "workflow_id")
    private Set<WorkflowIntegration> integrations;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Workflow(WorkflowId id, @Nullable Long version, UserId owner, String name, WorkflowState state,
            Set<WorkflowIntegration> integrations, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.owner = owner;
        this.name = name;
        this.state = state;
        this.integrations = new LinkedHashSet<>(integrations);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Workflow create(UserId owner, String name, Set<IntegrationId> integrationIds, Instant now) {
        Set<WorkflowIntegration> references = integrationIds.stream()
                .map(id -> new WorkflowIntegration(id, owner))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Workflow(WorkflowId.random(), null, owner, name, WorkflowState.ACTIVE, references, now, now);
    }

    void pause(Instant now) {
        this.state = WorkflowState.PAUSED;
        this.updatedAt = now;
    }

    /** The integration is going away: the workflow stops, and no longer names it. */
    void loseIntegration(IntegrationId gone, Instant now) {
        integrations.removeIf(reference -> reference.integrationId().equals(gone));
        pause(now);
    }

    /** Uses {@code replacement} where it used {@code old}; its state stays as it is. */
    void replaceIntegration(IntegrationId old, IntegrationId replacement, Instant now) {
        integrations.removeIf(reference -> reference.integrationId().equals(old));
        if (integrations.stream().noneMatch(reference -> reference.integrationId().equals(replacement))) {
            integrations.add(new WorkflowIntegration(replacement, owner));
        }
        this.updatedAt = now;
    }

    WorkflowId id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    UserId owner() {
        return owner;
    }

    String name() {
        return name;
    }

    WorkflowState state() {
        return state;
    }

    Set<IntegrationId> integrationIds() {
        return integrations.stream().map(WorkflowIntegration::integrationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
