package app.plugboard.storage;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A small connection pool of its own for the database work that the public web port does on
 * behalf of anyone who sends it a request (the sign-in pages and callbacks, health), to the same
 * database as the main pool. However many requests arrive, they share these few connections, and
 * the chat's pool stays the chat's: a request that waits too long for one is answered "busy".
 */
public final class WebDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final NamedParameterJdbcTemplate jdbc;

    WebDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbc = new NamedParameterJdbcTemplate(pool);
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
