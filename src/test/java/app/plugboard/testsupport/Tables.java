package app.plugboard.testsupport;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every test starts from empty tables; the schema stays as Flyway made it. The tables are found in the
 * database, not listed here, so a table a new migration adds is emptied too.
 */
public final class Tables {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Tables() {
    }

    /** Empties every table of the current schema but Flyway's history, in one statement. */
    public static void truncateAll(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                select format('%I', tablename) from pg_tables
                where schemaname = current_schema() and tablename <> ?""", String.class, FLYWAY_HISTORY);
        if (!tables.isEmpty()) {
            jdbc.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
        }
    }
}
