package app.plugboard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

@DisplayName("Typed ids in the database")
class JdbcConvertersTest {

    record ThingId(UUID value) {
    }

    @Test
    @DisplayName("a typed id is written as its value and read back as the typed id")
    void typedId() {
        // GIVEN Spring Data JDBC's conversions with a typed id's converters
        JdbcCustomConversions conversions = new JdbcCustomConversions(
                List.of(JdbcConverters.typedId(ThingId.class, UUID.class, ThingId::value, ThingId::new)));
        DefaultConversionService service = new DefaultConversionService();
        conversions.registerConvertersIn(service);
        UUID value = UUID.randomUUID();

        // WHEN an id is written and a column value read
        // THEN the column holds the bare UUID, and reading gives the typed id back
        assertThat(conversions.getCustomWriteTarget(ThingId.class)).contains(UUID.class);
        assertThat(conversions.hasCustomReadTarget(UUID.class, ThingId.class)).isTrue();
        assertThat(service.convert(new ThingId(value), UUID.class)).isEqualTo(value);
        assertThat(service.convert(value, ThingId.class)).isEqualTo(new ThingId(value));
        // AND a UUID is never written as a typed id (the pair only reads one way, writes the other)
        assertThat(conversions.getCustomWriteTarget(UUID.class)).isEmpty();
    }
}
