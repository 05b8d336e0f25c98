package app.plugboard.integration;

import app.plugboard.storage.JdbcConverters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link IntegrationId} is stored as its UUID. */
@Component
class IntegrationJdbcConverters implements JdbcConverters {

    @Override
    public List<?> converters() {
        return List.of(JdbcConverters.typedId(IntegrationId.class, UUID.class, IntegrationId::value, IntegrationId::new));
    }
}
