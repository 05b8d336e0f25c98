package app.plugboard.workflow;

import app.plugboard.integration.IntegrationId;
import java.time.Instant;
import java.util.Set;

public record WorkflowView(
        WorkflowId id, long version, String name, WorkflowState state, Set<IntegrationId> integrations,
        Instant createdAt, Instant updatedAt) {

    public WorkflowView {
        integrations = Set.copyOf(integrations);
    }
}
