package app.plugboard.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every test starts from empty tables; the schema stays as Flyway made it. */
public final class Tables {

    private Tables() {
    }

    public static void truncateAll(JdbcTemplate jdbc) {
        jdbc.execute("truncate table workflow_integration, workflow, integration cascade");
    }
}
