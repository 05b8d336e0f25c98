package app.plugboard.workflow;

import static app.plugboard.testsupport.SampleSettings.feed;
import static app.plugboard.testsupport.SampleSettings.imap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.CleanDatabase;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@CleanDatabase
@DisplayName("WorkflowService")
class WorkflowServiceTest {

    static final UserId ALICE = new UserId(666_666_666_666_666_666L);
    static final UserId BOB = new UserId(777_777_777_777_777_777L);

    @Autowired
    WorkflowService workflows;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    IntegrationView mail;
    IntegrationView calendar;

    @BeforeEach
    void givenTwoIntegrations() {
        mail = integrations.create(ALICE, "Work mail", imap("pw"));
        calendar = integrations.create(ALICE, "Calendar", feed("tok"));
    }

    @Test
    @DisplayName("a workflow references its owner's integrations, and the usage count follows")
    void createsAndCounts() {
        WorkflowView digest = workflows.create(ALICE, "Morning digest", Set.of(mail.id(), calendar.id()));
        workflows.create(ALICE, "Invoices", Set.of(mail.id()));

        assertThat(digest.state()).isEqualTo(WorkflowState.ACTIVE);
        assertThat(workflows.list(ALICE)).extracting(WorkflowView::name).containsExactly("Invoices", "Morning digest");
        assertThat(workflows.list(ALICE).get(1).integrations()).containsExactlyInAnyOrder(mail.id(), calendar.id());
        assertThat(workflows.usageCounts(ALICE)).isEqualTo(Map.of(mail.id(), 2L, calendar.id(), 1L));
        assertThat(workflows.usingIntegration(ALICE, mail.id())).extracting(WorkflowView::name)
                .containsExactly("Invoices", "Morning digest");
        assertThat(workflows.usingIntegration(BOB, mail.id())).isEmpty();
    }

    @Test
    @DisplayName("another person's integration cannot be used: \"not found\", nothing stored")
    void foreignIntegrationRefused() {
        IntegrationView bobs = integrations.create(BOB, "Bob's mail", imap("pw"));

        assertThatThrownBy(() -> workflows.create(ALICE, "Snoop", Set.of(mail.id(), bobs.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(workflows.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("the database itself refuses a reference to another owner's integration or to none at all")
    void foreignKeysForbidDanglingReferences() {
        WorkflowView digest = workflows.create(ALICE, "Digest", Set.of(mail.id()));
        IntegrationView bobs = integrations.create(BOB, "Bob's mail", imap("pw"));

        assertThatThrownBy(() -> jdbc.update("insert into workflow_integration (workflow_id, integration_id, owner_id) values (?, ?, ?)",
                digest.id().value(), bobs.id().value(), ALICE.value()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into workflow_integration (workflow_id, integration_id, owner_id) values (?, ?, ?)",
                digest.id().value(), UUID.randomUUID(), ALICE.value()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("delete from integration where id = ?", mail.id().value()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(workflows.usingIntegration(ALICE, mail.id())).hasSize(1);
    }

    @Test
    @DisplayName("a name is required, unique per person ignoring case, and at least one integration is needed")
    void validation() {
        workflows.create(ALICE, "Digest", Set.of(mail.id()));

        assertThatThrownBy(() -> workflows.create(ALICE, "DIGEST", Set.of(mail.id())))
                .isInstanceOf(DuplicateWorkflowNameException.class).hasMessageContaining("\"DIGEST\"");
        assertThatThrownBy(() -> workflows.create(ALICE, " ", Set.of(mail.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Name is empty");
        assertThatThrownBy(() -> workflows.create(ALICE, "Other", Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Integrations is empty");
        assertThat(workflows.create(BOB, "Digest", Set.of(integrations.create(BOB, "M", imap("pw")).id())).name())
                .isEqualTo("Digest");
        assertThat(workflows.list(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a name with half a character (an unpaired surrogate, which PostgreSQL would store as ?) is refused, nothing stored")
    void incompleteCharactersInNames() {
        assertThatThrownBy(() -> workflows.create(ALICE, "Morning \uD83D digest", Set.of(mail.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Name contains a broken character (half of an emoji or symbol): type it again.");
        assertThat(workflows.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a name with a line break or control character beyond ASCII (U+0085, U+2028, U+2029, U+009B) is refused, nothing stored")
    void unicodeLineBreaksInNames() {
        for (String name : List.of("Morning\u0085digest", "Morning\u2028digest", "Morning\u2029digest", "Morning\u009Bdigest")) {
            assertThatThrownBy(() -> workflows.create(ALICE, name, Set.of(mail.id()))).as(name)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Name contains a line break or control character: type it on one line.");
        }
        assertThat(workflows.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("deleting a workflow frees its integrations; another person's or a stale one is refused")
    void delete() {
        WorkflowView digest = workflows.create(ALICE, "Digest", Set.of(mail.id()));

        assertThatThrownBy(() -> workflows.delete(BOB, digest.id(), digest.version())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> workflows.delete(ALICE, digest.id(), digest.version() + 1))
                .isInstanceOf(ChangedMeanwhileException.class);
        workflows.delete(ALICE, digest.id(), digest.version());

        assertThat(workflows.list(ALICE)).isEmpty();
        assertThat(workflows.usageCounts(ALICE)).isEmpty();
        integrations.delete(ALICE, mail.id(), mail.version());
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label).containsExactly("Calendar");
    }

    @Test
    @DisplayName("a paused workflow keeps its integrations")
    void pause() {
        WorkflowView digest = workflows.create(ALICE, "Digest", Set.of(mail.id()));

        WorkflowView paused = workflows.pause(ALICE, digest.id());

        assertThat(paused.state()).isEqualTo(WorkflowState.PAUSED);
        assertThat(workflows.list(ALICE)).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.PAUSED);
            assertThat(w.integrations()).containsExactly(mail.id());
        });
    }
}
