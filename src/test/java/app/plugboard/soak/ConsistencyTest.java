package app.plugboard.soak;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The soak's consistency check against a real database: silent when what people were told is stored, and naming each difference. */
@SpringBootTest
@CleanDatabase
@DisplayName("The soak's consistency check")
class ConsistencyTest {

    static final UserId ALICE = new UserId(4_711L);

    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("finds nothing when everything a person was told is stored as told")
    void agrees() {
        // GIVEN Alice was told Work mail is connected, a workflow uses it, and Old mail was deleted
        IntegrationView work = integrations.create(ALICE, "Work mail", SampleSettings.imap("pw-1"));
        IntegrationView old = integrations.create(ALICE, "Old mail", SampleSettings.imap("pw-2"));
        integrations.delete(ALICE, old.id(), old.version());
        workflows.create(ALICE, "Digest", Set.of(work.id()));
        Memory alice = new Memory(ALICE, "alice");
        alice.integrations.add(new Memory.Integration(work.id(), true, "Work mail", SampleSettings.imap("pw-1")));
        alice.deletedIntegrations.add(new Memory.Integration(old.id(), true, "Old mail", SampleSettings.imap("pw-2")));
        alice.workflows.add(new Memory.Workflow("Digest", Set.of(work.id())));

        // WHEN the check runs THEN it finds nothing
        assertThat(check(alice)).isEmpty();
    }

    @Test
    @DisplayName("names a connect that was lost, a delete that was not, another label or password, a row nobody was told of, and workflows not as told")
    void namesEachDifference() {
        // GIVEN what is stored for Alice
        IntegrationView renamed = integrations.create(ALICE, "Home mail", SampleSettings.imap("pw-1"));
        IntegrationView notDeleted = integrations.create(ALICE, "Family", SampleSettings.feed("tok"));
        IntegrationView untold = integrations.create(ALICE, "Stray", SampleSettings.imap("pw-3"));
        WorkflowView running = workflows.create(ALICE, "Digest", Set.of(renamed.id()));
        workflows.create(ALICE, "Unannounced", Set.of(renamed.id()));
        // AND what she was told: a connected integration that is not stored, Home mail under another label and
        // password, Family deleted, Digest paused, and a workflow created that is not stored
        IntegrationId lost = IntegrationId.random();
        Memory alice = new Memory(ALICE, "alice");
        alice.integrations.add(new Memory.Integration(lost, true, "Lost mail", SampleSettings.imap("pw-0")));
        alice.integrations.add(new Memory.Integration(renamed.id(), true, "Office mail", SampleSettings.imap("pw-2")));
        alice.deletedIntegrations.add(new Memory.Integration(notDeleted.id(), false, "Family", SampleSettings.feed("tok")));
        Memory.Workflow paused = new Memory.Workflow("Digest", running.integrations());
        paused.paused = true;
        alice.workflows.add(paused);
        alice.workflows.add(new Memory.Workflow("Vanished", Set.of(renamed.id())));

        // WHEN the check runs
        List<String> found = check(alice);

        // THEN each difference is named, and no secret is shown
        assertThat(found).containsExactlyInAnyOrder(
                "alice was told Lost mail (" + lost + ") is connected: it is not stored",
                "alice was told Office mail (" + renamed.id() + ") is labelled so: it is stored as Home mail",
                "alice was told Office mail (" + renamed.id() + ") is connected with the settings they typed: "
                        + "stored settings differ (password)",
                "alice has Stray (" + untold.id() + ") stored, but was never told it was connected",
                "alice was told Family (" + notDeleted.id() + ") was deleted: it is still stored",
                "alice was told the workflow Digest is paused: it is stored active",
                "alice was told the workflow Vanished was created: it is not stored",
                "alice has the workflow Unannounced stored, but was never told it was created");
        assertThat(String.join("\n", found)).doesNotContain("pw-1", "pw-2");
    }

    private List<String> check(Memory person) {
        return new Consistency(integrations, workflows, jdbc).discrepancies(List.of(person));
    }
}
