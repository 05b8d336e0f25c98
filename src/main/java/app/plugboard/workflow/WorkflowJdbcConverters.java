package app.plugboard.workflow;

import app.plugboard.storage.JdbcConverters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link WorkflowId} is stored as its UUID. */
@Component
class WorkflowJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(JdbcConverters.typedId(WorkflowId.class, UUID.class, WorkflowId::value, WorkflowId::new));
    }
}
