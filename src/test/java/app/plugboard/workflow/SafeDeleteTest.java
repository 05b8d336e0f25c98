package app.plugboard.workflow;

import static app.plugboard.testsupport.SampleSettings.feed;
import static app.plugboard.testsupport.SampleSettings.imap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.InvalidInputException;
import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationDependents.Dependent;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.CleanDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@CleanDatabase
@DisplayName("Deleting an integration that workflows use")
class SafeDeleteTest {

    static final UserId ALICE = new UserId(919_191_919_191_919_191L);
    static final UserId BOB = new UserId(929_292_929_292_929_292L);

    @Autowired
    SafeDelete safeDelete;
    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;

    IntegrationView work;
    IntegrationView home;
    IntegrationView family;

    @BeforeEach
    void givenIntegrations() {
        work = integrations.create(ALICE, "Work mail", imap("pw"));
        home = integrations.create(ALICE, "Home mail", imap("pw"));
        family = integrations.create(ALICE, "Family", feed("tok"));
    }

    @AfterEach
    void noFailureTrigger() {
        jdbc.execute("drop trigger if exists fail_integration_delete on integration");
        jdbc.execute("drop function if exists fail_integration_delete()");
    }

    @Test
    @DisplayName("unused: the preview shows no workflow, and delete deletes")
    void unused() {
        SafeDelete.Preview preview = safeDelete.preview(ALICE, work.id());
        assertThat(preview.using()).isEmpty();
        assertThat(preview.alternatives()).extracting(IntegrationView::label).containsExactly("Home mail");

        SafeDelete.Outcome outcome = safeDelete.delete(ALICE, work.id(), work.version(), preview.fingerprint(), null);

        assertThat(outcome.paused()).isEmpty();
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label).containsExactly("Family", "Home mail");
    }

    @Test
    @DisplayName("used: the workflows are paused and lose it, keep their other integrations, and the integration is gone")
    void pausesAndDetaches() {
        WorkflowView digest = workflows.create(ALICE, "Morning digest", Set.of(work.id(), family.id()));
        WorkflowView invoices = workflows.create(ALICE, "Invoices", Set.of(work.id()));
        workflows.create(ALICE, "Other", Set.of(home.id()));
        SafeDelete.Preview preview = safeDelete.preview(ALICE, work.id());
        assertThat(preview.using()).extracting(Dependent::name).containsExactly("Invoices", "Morning digest");

        SafeDelete.Outcome outcome = safeDelete.delete(ALICE, work.id(), work.version(), preview.fingerprint(), null);

        assertThat(outcome.paused()).extracting(Dependent::name).containsExactly("Invoices", "Morning digest");
        assertThat(workflows.list(ALICE)).extracting(WorkflowView::name, WorkflowView::state, w -> w.integrations())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Invoices", WorkflowState.PAUSED, Set.of()),
                        org.assertj.core.groups.Tuple.tuple("Morning digest", WorkflowState.PAUSED, Set.of(family.id())),
                        org.assertj.core.groups.Tuple.tuple("Other", WorkflowState.ACTIVE, Set.of(home.id())));
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label).doesNotContain("Work mail");
        assertThat(digest.id()).isNotEqualTo(invoices.id());
    }

    @Test
    @DisplayName("move: the workflows use the other integration instead, stay as they were, and the integration is gone")
    void moves() {
        workflows.create(ALICE, "Morning digest", Set.of(work.id(), family.id()));
        workflows.create(ALICE, "Both", Set.of(work.id(), home.id()));
        SafeDelete.Preview preview = safeDelete.preview(ALICE, work.id());

        SafeDelete.Outcome outcome = safeDelete.delete(ALICE, work.id(), work.version(), preview.fingerprint(), home.id());

        assertThat(outcome.movedTo().label()).isEqualTo("Home mail");
        assertThat(outcome.moved()).extracting(Dependent::name).containsExactly("Both", "Morning digest");
        assertThat(workflows.list(ALICE)).allSatisfy(w -> assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE));
        assertThat(workflows.list(ALICE)).extracting(WorkflowView::integrations)
                .containsExactly(Set.of(home.id()), Set.of(home.id(), family.id()));
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label).containsExactly("Family", "Home mail");
    }

    @Test
    @DisplayName("a workflow that started using it after the question: nothing is deleted")
    void changedSinceShown() {
        workflows.create(ALICE, "Morning digest", Set.of(work.id()));
        SafeDelete.Preview shown = safeDelete.preview(ALICE, work.id());
        workflows.create(ALICE, "Late comer", Set.of(work.id()));

        assertThatThrownBy(() -> safeDelete.delete(ALICE, work.id(), work.version(), shown.fingerprint(), null))
                .isInstanceOf(SafeDelete.ChangedSinceShownException.class);

        assertThat(integrations.get(ALICE, work.id())).isEqualTo(work);
        assertThat(workflows.list(ALICE)).allSatisfy(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE);
            assertThat(w.integrations()).containsExactly(work.id());
        });
    }

    @Test
    @DisplayName("an integration renamed after the question: nothing is deleted")
    void integrationChanged() {
        SafeDelete.Preview shown = safeDelete.preview(ALICE, work.id());
        integrations.rename(ALICE, work.id(), work.version(), "Office mail");

        assertThatThrownBy(() -> safeDelete.delete(ALICE, work.id(), work.version(), shown.fingerprint(), null))
                .isInstanceOf(SafeDelete.ChangedSinceShownException.class);
        assertThat(integrations.get(ALICE, work.id()).label()).isEqualTo("Office mail");
    }

    @Test
    @DisplayName("another person cannot delete it, nor move workflows to an integration of another type")
    void refusals() {
        workflows.create(ALICE, "Morning digest", Set.of(work.id()));
        SafeDelete.Preview shown = safeDelete.preview(ALICE, work.id());

        assertThatThrownBy(() -> safeDelete.delete(BOB, work.id(), work.version(), shown.fingerprint(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> safeDelete.delete(ALICE, work.id(), work.version(), shown.fingerprint(), family.id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same type");
        assertThat(integrations.list(ALICE)).hasSize(3);
        assertThat(workflows.list(ALICE).get(0).state()).isEqualTo(WorkflowState.ACTIVE);
    }

    @Test
    @DisplayName("the database failing in the middle: the integration and every workflow exactly as before")
    void databaseFailsMidway() {
        // GIVEN two workflows using it, and a database that fails when the integration row is deleted
        // (after the workflows have already been paused in the same transaction)
        workflows.create(ALICE, "Morning digest", Set.of(work.id(), family.id()));
        workflows.create(ALICE, "Invoices", Set.of(work.id()));
        List<WorkflowView> before = workflows.list(ALICE);
        SafeDelete.Preview shown = safeDelete.preview(ALICE, work.id());
        jdbc.execute("""
                create function fail_integration_delete() returns trigger language plpgsql as $$
                begin raise exception 'disk full (simulated)'; end $$""");
        jdbc.execute("create trigger fail_integration_delete before delete on integration "
                + "for each row execute function fail_integration_delete()");

        // WHEN the delete is confirmed THEN it fails
        assertThatThrownBy(() -> safeDelete.delete(ALICE, work.id(), work.version(), shown.fingerprint(), null))
                .isInstanceOf(DataAccessException.class);

        // AND nothing is half-done
        assertThat(integrations.get(ALICE, work.id())).isEqualTo(work);
        assertThat(workflows.list(ALICE)).isEqualTo(before);
    }
}
