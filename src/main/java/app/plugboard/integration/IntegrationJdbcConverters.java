package app.plugboard.integration;

import app.plugboard.storage.JdbcConverters;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

@Component
class IntegrationJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(new IdToUuid(), new UuidToId());
    }

    @WritingConverter
    static final class IdToUuid implements Converter<IntegrationId, UUID> {
        @Override
        public UUID convert(IntegrationId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class UuidToId implements Converter<UUID, IntegrationId> {
        @Override
        public IntegrationId convert(UUID source) {
            return new IntegrationId(source);
        }
    }
}
