package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.plugboard.integration.IntegrationInUseException;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

@DisplayName("Deleting a Gmail integration")
class GmailRevocationTest extends GmailSignInTestBase {

    @Autowired
    WorkflowService workflows;

    IntegrationView work;
    GmailSettings settings;

    @BeforeEach
    void givenAliceConnectedGmail() {
        assertThat(signIn(new Browser(), linkFor(ALICE, "Work", null)).body()).contains("Connected as alice@gmail.com");
        work = integrations.list(ALICE).get(0);
        settings = (GmailSettings) integrations.settings(ALICE, work.id());
    }

    @Test
    @DisplayName("revokes the grant at Google after the delete committed")
    void revokesAfterCommit(CapturedOutput output) {
        integrations.delete(ALICE, work.id(), work.version());

        assertThat(integrations.list(ALICE)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(google.calls(GoogleStandIn.GOOGLE, "revoke"))
                .singleElement().satisfies(call -> assertThat(call.parameters())
                        .containsEntry("token", settings.refreshToken().reveal())
                        .containsEntry("token_type_hint", "refresh_token")));
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains(
                "Revoked the Google access of deleted integration " + work.id()));
    }

    @Test
    @DisplayName("a failed revocation is logged without the token, and the integration stays deleted")
    void failedRevocation(CapturedOutput output) {
        google.failNextRevocation(503);

        integrations.delete(ALICE, work.id(), work.version());

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains(
                "Could not revoke the Google access of deleted integration " + work.id()));
        assertThat(output.getAll()).contains("answered 503", "https://myaccount.google.com/permissions")
                .doesNotContain(settings.refreshToken().reveal());
        assertThat(google.calls(GoogleStandIn.GOOGLE, "revoke")).hasSize(1);
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a delete that does not commit revokes nothing")
    void rolledBack() {
        workflows.create(ALICE, "Digest", Set.of(work.id()));

        assertThatThrownBy(() -> integrations.delete(ALICE, work.id(), work.version()))
                .isInstanceOf(IntegrationInUseException.class);

        assertThat(integrations.list(ALICE)).hasSize(1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> google.calls(GoogleStandIn.GOOGLE, "revoke").isEmpty());
    }
}
