package app.plugboard.workflow;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface WorkflowRepository extends Repository<Workflow, WorkflowId> {

    Workflow save(Workflow workflow);

    @Query("select * from workflow where id = :id and owner_id = :owner")
    Optional<Workflow> findOwned(WorkflowId id, UserId owner);

    @Query("select * from workflow where owner_id = :owner order by lower(name), created_at")
    List<Workflow> findAllOwned(UserId owner);

    @Query("""
            select w.* from workflow w
            where w.owner_id = :owner
              and exists (select 1 from workflow_integration wi where wi.workflow_id = w.id and wi.integration_id = :integration)
            order by lower(w.name), w.created_at""")
    List<Workflow> findOwnedUsing(UserId owner, IntegrationId integration);

    @Query("select exists(select 1 from workflow where owner_id = :owner and lower(name) = lower(:name))")
    boolean nameTaken(UserId owner, String name);

    @Query("""
            select integration_id, count(*) as workflows from workflow_integration
            where owner_id = :owner group by integration_id""")
    List<UsageCount> countUsage(UserId owner);

    @Modifying
    @Query("delete from workflow where id = :id and owner_id = :owner and version = :version")
    int deleteOwned(WorkflowId id, UserId owner, long version);

    record UsageCount(IntegrationId integrationId, long workflows) {
    }
}
