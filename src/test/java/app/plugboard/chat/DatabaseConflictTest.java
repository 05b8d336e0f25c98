package app.plugboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationService;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.testsupport.ScriptedProbes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL gives up a transaction that ran into another one (a deadlock, a serialization failure, a lock it may
 * not wait for): a transient error, not a bug and not an outage. Raised by the real server, from a trigger, so
 * the error travels the real driver and Spring's translation; talked to through the terminal.
 */
@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("When PostgreSQL gives a transaction up (deadlock, serialization failure)")
class DatabaseConflictTest {

    static final UserId ME = new UserId(1);
    static final String SENTENCE = "Plugboard's database was busy with another change at that moment; nothing was changed. Try again.";

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void dropTrigger() {
        jdbc.execute("drop trigger if exists conflict_for_test on workflow");
        jdbc.execute("drop trigger if exists conflict_for_test on integration");
        jdbc.execute("drop function if exists conflict_for_test()");
    }

    @ParameterizedTest(name = "{0} ({1}) on {2}")
    @CsvSource({
            "deadlock detected, 40P01, workflow",
            "could not serialize access due to concurrent update, 40001, workflow",
            "could not obtain lock on row, 55P03, workflow",
            "deadlock detected, 40P01, integration",
    })
    @DisplayName("the person reads that nothing was changed and to try again, no 'something went wrong'; the log has no stack trace")
    void transientConflict(String error, String sqlState, String table, CapturedOutput output) {
        // GIVEN an integration, and PostgreSQL giving up the next write to the table with this error
        integrations.create(ME, "Work mail", SampleSettings.imap("pw"));
        jdbc.execute("create function conflict_for_test() returns trigger language plpgsql as $$ begin "
                + "raise exception '" + error + "' using errcode = '" + sqlState + "'; end $$");
        jdbc.execute("create trigger conflict_for_test before insert or update or delete on " + table
                + " for each row execute function conflict_for_test()");
        int logBefore = output.getOut().length();

        // WHEN the person creates a workflow that uses it, and renames the integration
        String answer = TerminalDriver.converse(router, ME, "/workflow create name:Digest integrations:Work mail",
                "/integration edit integration:Work mail", "1", "Office mail");

        // THEN the one that ran into the conflict says so, and what to do, with no reference to an error
        assertThat(answer).contains(SENTENCE)
                .doesNotContain("Something went wrong", "Reference:", sqlState, error);
        // AND nothing was stored by it
        if (table.equals("workflow")) {
            assertThat(jdbc.queryForObject("select count(*) from workflow", Integer.class)).isZero();
        } else {
            assertThat(jdbc.queryForList("select label from integration", String.class)).containsExactly("Work mail");
        }
        // AND the log says it in one line, without a stack trace
        String log = output.getOut().substring(logBefore);
        assertThat(log).contains("gave a transaction up").doesNotContain("\tat ", "Unexpected failure");
    }
}
