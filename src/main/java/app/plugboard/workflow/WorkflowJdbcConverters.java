package app.plugboard.workflow;

import app.plugboard.storage.JdbcConverters;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

@Component
class WorkflowJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(new IdToUuid(), new UuidToId());
    }

    @WritingConverter
    static final class IdToUuid implements Converter<WorkflowId, UUID> {
        @Override
        public UUID convert(WorkflowId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class UuidToId implements Converter<UUID, WorkflowId> {
        @Override
        public WorkflowId convert(UUID source) {
            return new WorkflowId(source);
        }
    }
}
