package app.plugboard.watch;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the watch is behind, across every Plugboard on the database: background checks that are due and
 * not yet claimed, and checks running now. Read from db-scheduler's table when asked (a metrics scrape).
 */
@Component
public class WatchBacklog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WatchBacklog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks whose time has come that no Plugboard has claimed yet; empty when the database does not answer. */
    public OptionalLong due() {
        return count("select count(*) from scheduled_tasks where task_name = ? and not picked and execution_time <= ?",
                WatchScheduler.CHECK, Timestamp.from(clock.instant()));
    }

    /** Checks some Plugboard has claimed and runs now; empty when the database does not answer. */
    public OptionalLong running() {
        return count("select count(*) from scheduled_tasks where task_name = ? and picked", WatchScheduler.CHECK);
    }

    private OptionalLong count(String sql, Object... arguments) {
        try {
            Long count = jdbc.queryForObject(sql, Long.class, arguments);
            return count == null ? OptionalLong.empty() : OptionalLong.of(count);
        } catch (DataAccessException e) {
            return OptionalLong.empty();
        }
    }
}
