package app.plugboard.storage;

import app.plugboard.common.UserId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PGobject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

@Configuration(proxyBeanMethods = false)
class JdbcConfiguration extends AbstractJdbcConfiguration {

    private final List<JdbcConverters> contributions;

    JdbcConfiguration(List<JdbcConverters> contributions) {
        this.contributions = contributions;
    }

    @Override
    protected List<?> userConverters() {
        List<Object> converters = new ArrayList<>(List.of(
                JdbcConverters.typedId(UserId.class, Long.class, UserId::value, UserId::new),
                new JsonDocumentToPg(), new PgToJsonDocument()));
        contributions.forEach(contribution -> converters.addAll(contribution.converters()));
        return converters;
    }

    @WritingConverter
    static final class JsonDocumentToPg implements Converter<JsonDocument, PGobject> {
        @Override
        public PGobject convert(JsonDocument source) {
            PGobject json = new PGobject();
            json.setType("jsonb");
            try {
                json.setValue(source.json());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return json;
        }
    }

    @ReadingConverter
    static final class PgToJsonDocument implements Converter<PGobject, JsonDocument> {
        @Override
        public JsonDocument convert(PGobject source) {
            return new JsonDocument(source.getValue() == null ? "{}" : source.getValue());
        }
    }
}
