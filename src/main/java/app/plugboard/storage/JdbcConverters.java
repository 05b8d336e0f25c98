package app.plugboard.storage;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.convert.ConverterBuilder;

/** A feature's own value-type converters for Spring Data JDBC (typed ids and the like). */
public interface JdbcConverters {

    List<?> converters();

    /**
     * The reading and writing converters of a typed id, a record around one column value: written
     * as {@code value.apply(id)}, read back as {@code of.apply(column)}.
     */
    static <I, V> ConverterBuilder.ConverterAware typedId(Class<I> id, Class<V> column, Function<I, V> value,
            Function<V, I> of) {
        return ConverterBuilder.reading(column, id, of).andWriting(value);
    }
}
