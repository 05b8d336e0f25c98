package app.plugboard.chat;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fairness between people, through the real JDA client and a fake Discord, with real calendar checks
 * against a feed server on loopback that holds its answers until the test lets them go.
 */
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@DisplayName("Per-person limits")
class PerUserLimitsTest {

    static final AtomicInteger arrived = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);
    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> {
                arrived.incrementAndGet();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics"));
            });

    @Autowired
    FakeDiscord discord;
    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    FakeUser alice;
    FakeUser bob;

    @BeforeEach
    void noFeedRequestYet() {
        arrived.set(0);
    }

    @AfterEach
    void feedServerAnswers() {
        release.countDown();
    }

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @Test
    @DisplayName("two checks at a time per person: the third is refused at once and changes nothing; others are not affected")
    void twoChecksInFlight() {
        // GIVEN a feed server that holds every answer, and Alice with two calendar checks waiting on it
        release = new CountDownLatch(1);
        List<String> aliceForms = openForms(alice, "First", "Second", "Third");
        FakeInteraction first = submitFeed(alice, aliceForms.get(0), "first");
        FakeInteraction second = submitFeed(alice, aliceForms.get(1), "second");
        assertThat(first.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(second.awaitCallback().content()).isEqualTo("Checking the connection…");
        await().atMost(Duration.ofSeconds(5)).until(() -> arrived.get() == 2);

        // WHEN she submits a third
        FakeInteraction third = submitFeed(alice, aliceForms.get(2), "third");

        // THEN she is told at once to wait, and no third check starts
        Callback refused = third.awaitCallback();
        assertThat(refused.type()).isEqualTo(Callback.REPLY);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content()).isEqualTo("You already have 2 checks running; wait for one to finish, then try again.");
        assertThat(router.slowJobsRunning(id(alice))).isEqualTo(2);

        // AND Bob's check runs meanwhile as usual
        FakeInteraction bobs = submitFeed(bob, openForms(bob, "Family").get(0), "bob");
        assertThat(bobs.awaitCallback().content()).isEqualTo("Checking the connection…");
        await().atMost(Duration.ofSeconds(5)).until(() -> arrived.get() == 3);

        // WHEN the server answers THEN the three checks that ran finish and are stored, Alice's third is not
        release.countDown();
        for (FakeInteraction done : List.of(first, second, bobs)) {
            JsonNode result = done.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"));
            assertThat(result.path("content").asString()).contains("is connected.");
        }
        assertThat(integrations.list(id(alice))).extracting(IntegrationView::label).containsExactly("First", "Second");
        assertThat(integrations.list(id(bob))).extracting(IntegrationView::label).containsExactly("Family");
        assertThat(arrived.get()).isEqualTo(3);
        // AND nobody has a check counted anymore
        await().atMost(Duration.ofSeconds(5)).until(() -> router.slowJobsRunning(id(alice)) == 0);
        assertThat(router.slowJobsRunning(id(bob))).isZero();
    }

    @Test
    @DisplayName("a form refused because two checks are running offers Try again, which reopens it with what was typed (no secret)")
    void refusedFormKeepsWhatWasTyped() {
        // GIVEN Alice has two calendar checks waiting on the feed server
        release = new CountDownLatch(1);
        List<String> aliceForms = openForms(alice, "First", "Second", "Third");
        submitFeed(alice, aliceForms.get(0), "first").awaitCallback();
        submitFeed(alice, aliceForms.get(1), "second").awaitCallback();
        await().atMost(Duration.ofSeconds(5)).until(() -> arrived.get() == 2);

        // WHEN she submits a third form, with a feed address, a username and a password
        FakeInteraction third = discord.modalSubmit(alice, aliceForms.get(2), Map.of(
                        "address", "http://127.0.0.1:" + feeds.port() + "/third.ics", "username", "alice.cal", "password", "feed-pw"),
                Map.of("source", List.of("feed")));

        // THEN the refusal says why and offers Try again; nothing is stored, no third check starts
        Callback refused = third.awaitCallback();
        assertThat(refused.content()).isEqualTo("You already have 2 checks running; wait for one to finish, then try again.");
        assertThat(third.message().buttons()).extracting(button -> button.path("label").asString()).containsExactly("Try again");
        assertThat(router.slowJobsRunning(id(alice))).isEqualTo(2);

        // WHEN she clicks Try again THEN the third form opens again, with what she typed except the secrets
        Callback again = discord.button(alice, third.message().button("Try again").path("custom_id").asString(),
                third.message()).awaitCallback();
        assertThat(again.type()).isEqualTo(Callback.MODAL);
        assertThat(again.customId()).isEqualTo(aliceForms.get(2));
        assertThat(again.data().path("title").asString()).isEqualTo("Add Calendar: Third");
        assertThat(again.data().toString()).contains("\"value\":\"alice.cal\"")
                .doesNotContain("third.ics").doesNotContain("feed-pw");

        // AND once the checks finish, only the first two are stored
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> integrations.list(id(alice)).size() == 2);
        assertThat(integrations.list(id(alice))).extracting(IntegrationView::label).containsExactly("First", "Second");
    }

    @Test
    @DisplayName("a check whose work fails is not counted afterwards")
    void failedWorkReleases() {
        // WHEN Alice checks an integration she does not have, three times (the work fails each time)
        for (int i = 0; i < 3; i++) {
            FakeInteraction check = discord.slash(alice, "integration", "check", options("integration", "Nope"));
            JsonNode answer = check.awaitOriginalEdit(edit -> !edit.path("content").asString("").startsWith("Checking"));
            assertThat(answer.path("content").asString()).doesNotContain("You already have");
        }

        // THEN none of them is counted as running
        await().atMost(Duration.ofSeconds(5)).until(() -> router.slowJobsRunning(id(alice)) == 0);
    }

    @Test
    @DisplayName("open forms are capped per person: the 21st drops that person's oldest, never someone else's")
    void formsCappedPerPerson() {
        // GIVEN Bob has a form open
        String bobsForm = openForms(bob, "Family").get(0);

        // WHEN Alice opens 21 forms
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            labels.add("Calendar " + i);
        }
        List<String> aliceForms = openForms(alice, labels.toArray(String[]::new));

        // THEN her oldest has expired, her second still works, and Bob's still works
        FakeInteraction oldest = submitFeed(alice, aliceForms.get(0), "one");
        assertThat(oldest.awaitCallback().content()).isEqualTo(ExpiredException.MESSAGE);
        FakeInteraction secondOldest = submitFeed(alice, aliceForms.get(1), "two");
        assertThat(secondOldest.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"))
                .path("content").asString()).startsWith("✅ Calendar 2 is connected.");
        FakeInteraction bobs = submitFeed(bob, bobsForm, "bob");
        assertThat(bobs.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("connected"))
                .path("content").asString()).startsWith("✅ Family is connected.");
        assertThat(integrations.list(id(alice))).extracting(IntegrationView::label).containsExactly("Calendar 2");
        assertThat(integrations.list(id(bob))).extracting(IntegrationView::label).containsExactly("Family");
    }

    private List<String> openForms(FakeUser user, String... labels) {
        List<String> forms = new ArrayList<>();
        for (String label : labels) {
            Callback form = discord.slash(user, "integration", "add", options("type", "calendar", "label", label)).awaitCallback();
            assertThat(form.type()).isEqualTo(Callback.MODAL);
            forms.add(form.customId());
        }
        return forms;
    }

    private FakeInteraction submitFeed(FakeUser user, String formId, String name) {
        return discord.modalSubmit(user, formId, Map.of("address", "http://127.0.0.1:" + feeds.port() + "/" + name + ".ics"),
                Map.of("source", List.of("feed")));
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
