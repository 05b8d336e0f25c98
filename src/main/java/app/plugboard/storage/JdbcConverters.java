package app.plugboard.storage;

import java.util.List;

/** A feature's own value-type converters for Spring Data JDBC (typed ids and the like). */
public interface JdbcConverters {

    List<?> converters();
}
