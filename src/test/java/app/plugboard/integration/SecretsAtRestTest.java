package app.plugboard.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.InvalidInputException;
import app.plugboard.common.UserId;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.workflow.WorkflowService;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@CleanDatabase
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Secrets at rest")
class SecretsAtRestTest {

    static final UserId ALICE = new UserId(333_333_333_333_333_333L);
    static final String SENTINEL = "S3ntinel-Pa55word-7f3a9c";

    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("a dump of every table holds no secret of any kind, in clear, base64 or hex")
    void dumpHoldsNoSecret(CapturedOutput output) throws Exception {
        // GIVEN one integration of each kind, each secret field carrying the sentinel, and a workflow
        IntegrationView mail = integrations.create(ALICE, "Mail", SampleSettings.imap(SENTINEL));
        integrations.create(ALICE, "Gmail", SampleSettings.gmail(SENTINEL));
        integrations.create(ALICE, "Outlook", SampleSettings.outlook(SENTINEL));
        integrations.create(ALICE, "Feed", SampleSettings.feed(SENTINEL));
        integrations.create(ALICE, "Dav", SampleSettings.caldav(SENTINEL));
        workflows.create(ALICE, "Digest", Set.of(mail.id()));

        // WHEN every table of the schema is dumped with COPY ... TO STDOUT
        String dump = dumpAllTables();

        // THEN the dump has the rows, but no form of the sentinel
        assertThat(dump).contains("alice@example.com", "alice@gmail.com", "alice@outlook.com", "Digest");
        assertThat(forbiddenForms(SENTINEL)).allSatisfy(form -> assertThat(dump).doesNotContain(form));
        // AND nothing was logged with it either
        assertThat(forbiddenForms(SENTINEL)).allSatisfy(form -> assertThat(output.getAll()).doesNotContain(form));
    }

    @Test
    @DisplayName("refusals and failures never echo a secret: not in the message, not in the log")
    void failuresDoNotEcho(CapturedOutput output) {
        // GIVEN settings whose password is the sentinel but whose server is wrong
        ImapSettings bad = new ImapSettings("alice@example.com", Secret.of(SENTINEL), "not a host", 993,
                ImapSecurity.IMPLICIT_TLS, null, null);
        CalendarFeedSettings badFeed = new CalendarFeedSettings(Secret.of("ftp://host/" + SENTINEL), null, null);

        // WHEN they are refused, and a row's secrets are damaged and read
        assertThatThrownBy(() -> integrations.create(ALICE, "Mail", bad))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL));
        assertThatThrownBy(() -> integrations.create(ALICE, "Feed", badFeed))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL));
        IntegrationView stored = integrations.create(ALICE, "Stored", SampleSettings.imap(SENTINEL));
        jdbc.update("update integration set secrets = secrets || 'x' where id = ?", stored.id().value());
        assertThatThrownBy(() -> integrations.settings(ALICE, stored.id()))
                .isInstanceOf(UnreadableCredentialsException.class);

        // THEN no form of the secret reached the output, and the printed settings are masked
        assertThat(forbiddenForms(SENTINEL)).allSatisfy(form -> assertThat(output.getAll()).doesNotContain(form));
        assertThat(SampleSettings.imap(SENTINEL).toString()).doesNotContain(SENTINEL).contains("password=***");
    }

    private String dumpAllTables() throws Exception {
        List<String> tables = jdbc.queryForList(
                "select tablename from pg_tables where schemaname = 'public' order by tablename", String.class);
        assertThat(tables).contains("integration", "workflow", "workflow_integration", "flyway_schema_history");
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (String table : tables) {
                StringWriter rows = new StringWriter();
                pg.getCopyAPI().copyOut("COPY (select * from \"" + table + "\") TO STDOUT", rows);
                dump.append(rows);
            }
        }
        return dump.toString();
    }

    /** The sentinel as it is, in either case, and its base64 (every alignment) and hex forms. */
    static List<String> forbiddenForms(String secret) {
        List<String> forms = new ArrayList<>(List.of(secret, secret.toLowerCase(Locale.ROOT)));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        forms.add(HexFormat.of().formatHex(bytes));
        forms.add(HexFormat.of().withUpperCase().formatHex(bytes));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted);
                // the characters that depend on the secret only, whatever precedes it
                int from = (shift == 0 ? 0 : 4);
                forms.add(encoded.substring(from, Math.min(encoded.length(), from + 16)));
            }
        }
        return forms;
    }
}
