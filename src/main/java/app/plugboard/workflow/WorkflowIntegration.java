package app.plugboard.workflow;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A workflow's reference to an integration, by id. The owner is stored too so that the database
 * itself refuses a reference to another person's integration (a composite foreign key).
 */
@Table("workflow_integration")
record WorkflowIntegration(IntegrationId integrationId, @Column("owner_id") UserId owner) {
}
