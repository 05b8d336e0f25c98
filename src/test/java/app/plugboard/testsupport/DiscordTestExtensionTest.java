package app.plugboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.springframework.beans.factory.annotation.Autowired;

/** The checks {@link DiscordTest} adds to every Discord test, run on a fixture class that breaks them. */
@DisplayName("@DiscordTest")
class DiscordTestExtensionTest {

    static final String RUN_FIXTURES = "plugboard.test.fixtures";

    @Test
    @DisplayName("a test that gets an interaction acknowledged twice fails, naming the refused request; a clean one passes")
    void failsATestThatBreaksDiscordsRules() {
        // WHEN a fixture class runs: one test makes Plugboard acknowledge an interaction twice, one does not
        TestExecutionSummary summary = run(Fixture.class);

        // THEN the well-behaved test passed, and the other failed after it ran, naming the refused second acknowledgement
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().getDisplayName()).isEqualTo("answersTheSameInteractionTwice()");
            assertThat(failure.getException()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("late (10062) or double (40060) acknowledgements")
                    .hasMessageContaining("ALREADY_ACKNOWLEDGED");
        });
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        System.setProperty(RUN_FIXTURES, "true");
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
                    listener);
        } finally {
            System.clearProperty(RUN_FIXTURES);
        }
        return listener.getSummary();
    }

    /** Runs only from the test above. */
    @DiscordTest
    @EnabledIfSystemProperty(named = RUN_FIXTURES, matches = "true")
    static class Fixture {

        @Autowired
        FakeDiscord discord;
        FakeUser alice;
        FakeUser bob;

        @Test
        void usersAreFreshAndNamedAfterTheirFields() {
            assertThat(alice.name()).isEqualTo("alice");
            assertThat(bob.name()).isEqualTo("bob");
            assertThat(alice.id()).isNotEqualTo(bob.id());
            Callback help = discord.slash(alice, "integration", "help", Map.of()).awaitCallback();
            assertThat(help.accepted()).isTrue();
        }

        @Test
        void answersTheSameInteractionTwice() {
            FakeInteraction help = discord.slash(alice, "integration", "help", Map.of());
            help.awaitCallback();
            discord.redeliver(help); // as if a second Plugboard ran with the same token
            assertThat(help.awaitCallbacks(2).get(1).errorCode()).isEqualTo(40060);
        }
    }
}
