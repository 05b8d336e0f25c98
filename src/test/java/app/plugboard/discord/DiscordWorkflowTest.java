package app.plugboard.discord;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import app.plugboard.workflow.WorkflowService;
import app.plugboard.workflow.WorkflowState;
import app.plugboard.workflow.WorkflowView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Workflows, and deleting an integration they use, end to end through a fake Discord. */
@DiscordTest
@DisplayName("Workflows and safe delete in Discord")
class DiscordWorkflowTest {

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    WorkflowService workflows;
    @Autowired
    JdbcTemplate jdbc;

    FakeUser alice;
    FakeUser bob;
    IntegrationView work;
    IntegrationView home;
    IntegrationView family;

    @BeforeEach
    void givenThreeIntegrations() {
        work = integrations.create(id(alice), "Work mail", SampleSettings.imap("pw"));
        home = integrations.create(id(alice), "Home mail", SampleSettings.imap("pw"));
        family = integrations.create(id(alice), "Family", SampleSettings.feed("tok"));
    }

    @AfterEach
    void dropTheFailingTrigger() {
        jdbc.execute("drop trigger if exists fail_integration_delete on integration");
        jdbc.execute("drop function if exists fail_integration_delete()");
    }

    @Test
    @DisplayName("/workflow create completes labels as one types, and stores the workflow with its integrations")
    void create() {
        Callback offered = discord.autocomplete(alice, "workflow", "create",
                options("name", "Morning digest", "integrations", "Work mail, fa"), "integrations").awaitCallback();
        assertThat(offered.choiceValues()).containsExactly("Work mail, Family");

        FakeInteraction create = discord.slash(alice, "workflow", "create",
                options("name", "Morning digest", "integrations", "Work mail, Family"));

        assertThat(create.awaitCallback().ephemeral()).isTrue();
        assertThat(create.awaitMessage(m -> m.content().startsWith("✅")).content())
                .isEqualTo("✅ Created the workflow Morning digest. It uses Family, Work mail.");
        assertThat(workflows.list(id(alice))).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE);
            assertThat(w.integrations()).containsExactlyInAnyOrder(work.id(), family.id());
        });
    }

    @Test
    @DisplayName("/workflow create refuses a label that is not the caller's, naming it")
    void createRefusesForeign() {
        integrations.create(id(bob), "Bob's mail", SampleSettings.imap("pw"));

        FakeInteraction create = discord.slash(alice, "workflow", "create",
                options("name", "Snoop", "integrations", "Work mail, Bob's mail"));

        assertThat(create.awaitMessage(m -> !m.content().isEmpty()).content())
                .startsWith("You have no integration labelled \"Bob's mail\"");
        assertThat(workflows.list(id(alice))).isEmpty();
    }

    @Test
    @DisplayName("/workflow create refuses a name with an invisible formatting character (a right-to-left override); nothing is stored")
    void createRefusesFormattingCharacter() {
        FakeInteraction create = discord.slash(alice, "workflow", "create",
                options("name", "Digest \u202Eevil", "integrations", "Work mail"));

        assertThat(create.awaitMessage(m -> !m.content().isEmpty()).content()).contains("Name contains an invisible "
                + "formatting character (such as a right-to-left override): type it again without it.");
        assertThat(jdbc.queryForObject("select count(*) from workflow", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from workflow_integration", Integer.class)).isZero();
    }

    @Test
    @DisplayName("/workflow list shows name, state and integrations by label; the integration list counts the workflows")
    void list() {
        workflows.create(id(alice), "Morning digest", Set.of(work.id(), family.id()));
        WorkflowView invoices = workflows.create(id(alice), "Invoices", Set.of(work.id()));
        workflows.pause(id(alice), invoices.id());

        FakeMessage shown = discord.slash(alice, "workflow", "list", Map.of()).awaitMessage(m -> !m.embeds().isEmpty());

        assertThat(shown.text()).contains("Your workflows (2)", "Invoices", "⏸️ paused · uses Work mail",
                "Morning digest", "▶️ active · uses Family, Work mail");
        FakeMessage integrationList = discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> !m.embeds().isEmpty());
        assertThat(integrationList.text()).contains("used by 2 workflows", "used by 1 workflow", "used by no workflow");
    }

    @Test
    @DisplayName("/workflow delete asks, then deletes the workflow and keeps its integrations")
    void deleteWorkflow() {
        WorkflowView digest = workflows.create(id(alice), "Morning digest", Set.of(work.id()));
        FakeMessage prompt = discord.slash(alice, "workflow", "delete", options("workflow", digest.id().toString()))
                .awaitMessage(m -> m.content().startsWith("Delete the workflow"));

        FakeInteraction confirm = discord.button(alice, prompt.button("Delete").path("custom_id").asString(), prompt);

        assertThat(confirm.awaitMessage(m -> m.content().startsWith("🗑️")).content()).isEqualTo("🗑️ Deleted the workflow Morning digest.");
        assertThat(workflows.list(id(alice))).isEmpty();
        assertThat(integrations.list(id(alice))).containsExactlyInAnyOrder(work, home, family);
    }

    @Test
    @DisplayName("delete, used by no workflow: a plain question, and the integration is deleted")
    void deleteUnused() {
        FakeMessage prompt = deletePrompt(work);
        assertThat(prompt.text()).doesNotContain("Used by");
        assertThat(prompt.selectCustomIds()).isEmpty();

        FakeInteraction confirm = discord.button(alice, prompt.button("Delete").path("custom_id").asString(), prompt);

        assertThat(confirm.awaitMessage(m -> m.content().startsWith("🗑️")).content()).isEqualTo("🗑️ Deleted Work mail.");
        assertThat(integrations.list(id(alice))).extracting(IntegrationView::label).containsExactly("Family", "Home mail");
    }

    @Test
    @DisplayName("delete, used by one workflow: the warning names it and what happens; confirm pauses it")
    void deleteUsedByOne() {
        WorkflowView digest = workflows.create(id(alice), "Morning digest", Set.of(work.id(), family.id()));
        FakeMessage prompt = deletePrompt(work);
        assertThat(prompt.text()).contains("Used by 1 workflow", "Morning digest (active)",
                "It is paused and loses Work mail. Nothing else is deleted.");
        assertThat(prompt.button("Delete and pause 1 workflow").path("style").asInt()).isEqualTo(4);
        assertThat(prompt.selectOptionValues(prompt.selectCustomIds().get(0))).containsExactly(home.id().toString());

        FakeInteraction confirm = discord.button(alice, prompt.button("Delete and pause 1 workflow").path("custom_id").asString(), prompt);

        assertThat(confirm.awaitMessage(m -> m.content().startsWith("🗑️")).content())
                .isEqualTo("🗑️ Deleted Work mail. Paused 1 workflow: Morning digest.");
        assertThat(workflows.list(id(alice))).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(digest.id());
            assertThat(w.state()).isEqualTo(WorkflowState.PAUSED);
            assertThat(w.integrations()).containsExactly(family.id());
        });
    }

    @Test
    @DisplayName("delete, used by 30 workflows: ten named and \"and 20 more\", within Discord's limits; all paused")
    void deleteUsedByThirty() {
        for (int i = 1; i <= 30; i++) {
            workflows.create(id(alice), String.format("Workflow %02d", i), Set.of(work.id()));
        }
        FakeMessage prompt = deletePrompt(work);
        JsonNode usedBy = prompt.embeds().get(0).path("fields").get(0);
        assertThat(usedBy.path("name").asString()).isEqualTo("Used by 30 workflows");
        assertThat(usedBy.path("value").asString()).contains("Workflow 01 (active)", "Workflow 10 (active)", "and 20 more")
                .doesNotContain("Workflow 11");
        assertThat(usedBy.path("value").asString().length()).isLessThanOrEqualTo(1024);

        FakeInteraction confirm = discord.button(alice,
                prompt.button("Delete and pause 30 workflows").path("custom_id").asString(), prompt);

        String done = confirm.awaitMessage(m -> m.content().startsWith("🗑️")).content();
        assertThat(done).startsWith("🗑️ Deleted Work mail. Paused 30 workflows: Workflow 01, ").endsWith(" and 20 more.");
        assertThat(workflows.list(id(alice))).hasSize(30).allSatisfy(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.PAUSED);
            assertThat(w.integrations()).isEmpty();
        });
    }

    @Test
    @DisplayName("delete, cancel: nothing changes")
    void cancel() {
        workflows.create(id(alice), "Morning digest", Set.of(work.id()));
        FakeMessage prompt = deletePrompt(work);

        FakeInteraction cancel = discord.button(alice, prompt.button("Cancel").path("custom_id").asString(), prompt);

        assertThat(cancel.awaitMessage(m -> m.content().startsWith("Nothing")).content()).isEqualTo("Nothing was deleted.");
        assertThat(integrations.list(id(alice))).containsExactlyInAnyOrder(work, home, family);
        assertThat(workflows.list(id(alice))).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE);
            assertThat(w.integrations()).containsExactly(work.id());
        });
    }

    @Test
    @DisplayName("delete, move them to another integration: they keep running on it, and the integration is deleted")
    void move() {
        workflows.create(id(alice), "Morning digest", Set.of(work.id(), family.id()));
        workflows.create(id(alice), "Invoices", Set.of(work.id()));
        FakeMessage prompt = deletePrompt(work);

        FakeInteraction move = discord.select(alice, prompt.selectCustomIds().get(0), List.of(home.id().toString()), prompt);

        assertThat(move.awaitMessage(m -> m.content().startsWith("🗑️")).content())
                .isEqualTo("🗑️ Deleted Work mail. Moved 2 workflows to Home mail: Invoices, Morning digest.");
        assertThat(workflows.list(id(alice))).allSatisfy(w -> {
            assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE);
            assertThat(w.integrations()).contains(home.id()).doesNotContain(work.id());
        });
        assertThat(integrations.list(id(alice))).extracting(IntegrationView::label).containsExactly("Family", "Home mail");
    }

    @Test
    @DisplayName("a workflow added between the warning and the confirm: nothing is deleted, the warning comes back updated")
    void rewarn() {
        workflows.create(id(alice), "Morning digest", Set.of(work.id()));
        FakeMessage prompt = deletePrompt(work);
        workflows.create(id(alice), "Late comer", Set.of(work.id()));

        FakeInteraction confirm = discord.button(alice, prompt.button("Delete and pause 1 workflow").path("custom_id").asString(), prompt);

        FakeMessage again = confirm.awaitMessage(m -> m.content().startsWith("⚠️"));
        assertThat(again.content()).contains("changed since you were asked", "nothing was deleted");
        assertThat(again.text()).contains("Used by 2 workflows", "Late comer (active)", "Morning digest (active)");
        assertThat(again.buttonCustomIds()).anyMatch(idText -> idText.startsWith("int:del-ok:"));
        assertThat(integrations.get(id(alice), work.id())).isEqualTo(work);
        assertThat(workflows.list(id(alice))).allSatisfy(w -> assertThat(w.state()).isEqualTo(WorkflowState.ACTIVE));
    }

    @Test
    @DisplayName("someone else's confirm does nothing, and says it has expired")
    void foreignConfirm() {
        workflows.create(id(alice), "Morning digest", Set.of(work.id()));
        FakeMessage prompt = deletePrompt(work);
        String confirmId = prompt.button("Delete and pause 1 workflow").path("custom_id").asString();
        FakeMessage bobsOwn = discord.slash(bob, "integration", "help", Map.of()).message();

        FakeInteraction forged = discord.forgedButton(bob, confirmId, bobsOwn);

        assertThat(forged.awaitMessage(m -> m.content().contains("expired")).content())
                .isEqualTo("This has expired. Run the command again.");
        assertThat(integrations.get(id(alice), work.id())).isEqualTo(work);
        assertThat(workflows.list(id(alice)).get(0).state()).isEqualTo(WorkflowState.ACTIVE);
    }

    @Test
    @DisplayName("the database failing in the middle of the confirm: a clear answer, and nothing half-done")
    void databaseFails() {
        workflows.create(id(alice), "Morning digest", Set.of(work.id(), family.id()));
        workflows.create(id(alice), "Invoices", Set.of(work.id()));
        List<WorkflowView> before = workflows.list(id(alice));
        FakeMessage prompt = deletePrompt(work);
        jdbc.execute("""
                create function fail_integration_delete() returns trigger language plpgsql as $$
                begin raise exception 'disk full (simulated)'; end $$""");
        jdbc.execute("create trigger fail_integration_delete before delete on integration "
                + "for each row execute function fail_integration_delete()");

        FakeInteraction confirm = discord.button(alice,
                prompt.button("Delete and pause 2 workflows").path("custom_id").asString(), prompt);

        assertThat(confirm.awaitMessage(m -> m.content().startsWith("Something")).content())
                .startsWith("Something went wrong on our side, sorry. Reference: ").doesNotContain("disk full");
        assertThat(integrations.get(id(alice), work.id())).isEqualTo(work);
        assertThat(workflows.list(id(alice))).isEqualTo(before);
    }

    private FakeMessage deletePrompt(IntegrationView integration) {
        FakeInteraction delete = discord.slash(alice, "integration", "delete", options("integration", integration.id().toString()));
        assertThat(delete.awaitCallback().ephemeral()).isTrue();
        return delete.awaitMessage(m -> !m.embeds().isEmpty());
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
