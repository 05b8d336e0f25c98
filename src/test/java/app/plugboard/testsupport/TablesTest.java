package app.plugboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@DisplayName("Emptying the database between tests")
class TablesTest {

    static final UserId ALICE = new UserId(111_111_111_111_111_111L);
    /** A table no migration knows: emptying must find it by itself. */
    static final String EXTRA = "tables_test_extra";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;

    @AfterEach
    void dropExtraTable() {
        jdbc.execute("drop table if exists " + EXTRA);
    }

    @Test
    @DisplayName("empties every table of the schema, a new one too, and restarts its identity; Flyway's history stays")
    void emptiesEveryTableButFlyways() {
        // GIVEN a row in every table, and in a table that no migration made
        IntegrationView mail = integrations.create(ALICE, "Work mail", SampleSettings.imap("pw"));
        workflows.create(ALICE, "Morning digest", Set.of(mail.id()));
        UUID link = UUID.randomUUID();
        jdbc.update("""
                insert into oauth_link (id, provider, token_hash, owner_id, owner_name, label, expires_at)
                values (?, 'GOOGLE', '\\x01', ?, '@alice', 'Gmail', now() + interval '10 minutes')""", link, ALICE.value());
        jdbc.update("""
                insert into oauth_state (id, link_id, provider, state_hash, browser_hash, pkce_verifier, expires_at)
                values (?, ?, 'GOOGLE', '\\x02', '\\x03', 'sealed', now() + interval '10 minutes')""",
                UUID.randomUUID(), link);
        jdbc.execute("create table " + EXTRA + " (id int generated always as identity primary key, note text)");
        jdbc.update("insert into " + EXTRA + " (note) values ('one'), ('two')");
        List<Map<String, Object>> history = flywayHistory();
        assertThat(rowCounts()).as("rows per table before").containsEntry("integration", 1L).containsEntry("workflow", 1L)
                .containsEntry("workflow_integration", 1L).containsEntry("oauth_link", 1L).containsEntry("oauth_state", 1L)
                .containsEntry(EXTRA, 2L).doesNotContainKey("flyway_schema_history");

        // WHEN the tables are emptied
        Tables.truncateAll(jdbc);

        // THEN every table of the schema is empty, Flyway's history is exactly as it was
        assertThat(rowCounts()).as("rows per table after").containsKey(EXTRA).allSatisfy((table, rows) ->
                assertThat(rows).as(table).isZero());
        assertThat(flywayHistory()).isEqualTo(history).isNotEmpty()
                .allSatisfy(migration -> assertThat(migration).containsEntry("success", true));
        // AND identities start again
        jdbc.update("insert into " + EXTRA + " (note) values ('again')");
        assertThat(jdbc.queryForObject("select id from " + EXTRA, Integer.class)).isEqualTo(1);
    }

    /** Rows of every table in the current schema but Flyway's, by table name. */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.queryForList("""
                select tablename from pg_tables
                where schemaname = current_schema() and tablename <> 'flyway_schema_history'""", String.class);
        return tables.stream().collect(java.util.stream.Collectors.toMap(table -> table,
                table -> jdbc.queryForObject("select count(*) from " + table, Long.class)));
    }

    private List<Map<String, Object>> flywayHistory() {
        return jdbc.queryForList("select version, script, checksum, success from flyway_schema_history order by installed_rank");
    }
}
