package app.plugboard.faults;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.discord.fake.RecordedRequest;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fault 4: Discord's REST side answers the edit that carries a check's result with a server error (500, which JDA
 * does not send again by itself) or a rate limit (429 with {@code Retry-After}), and limits the route. The person
 * still gets the final answer, once, within the limits; the bot never sends faster than it was allowed (the fake
 * refuses, and the test fails on, any request that does not wait). Through the real JDA client and a real calendar
 * check against a feed server on loopback.
 */
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@DisplayName("Fault: Discord's REST answers 500 and 429 to the result's edit")
class DiscordRestFaultsTest {

    static final String RESULT_EDIT = "webhooks/{app}/{token}/messages/@original";
    static final Duration WITHIN = Duration.ofSeconds(20);
    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;

    FakeUser alice;
    FakeUser bob;
    FakeUser carol;

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @Test
    @DisplayName("500 twice on the result's edit: Plugboard sends it again after a pause, the person sees the result once, the calendar is stored")
    void serverErrorsOnTheResult() {
        // GIVEN Discord will answer the next two edits of an interaction's answer with 500 Internal Server Error
        String form = openForm(alice, "Family");
        discord.failNext(2, 500, "PATCH", RESULT_EDIT);

        // WHEN Alice submits the form
        FakeInteraction submit = submitFeed(alice, form);

        // THEN she reads "Checking…" at once, and then the result, which took three edits: 500, 500, 200
        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(awaitResultEdits(submit, 3)).containsExactly(500, 500, 200);
        assertThat(finalAnswers(submit)).singleElement().asString().startsWith("✅ Family is connected.");
        assertThat(submit.timeToFirstOriginalEdit()).isLessThan(WITHIN);
        // AND the calendar is stored, connected, once
        assertThat(integrations.list(id(alice))).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED));
    }

    @Test
    @DisplayName("the route allows one edit per 3 s and the first gets 500: the edit sent again waits for the window, never exceeding it")
    void serverErrorWithinARateLimit() {
        // GIVEN Discord allows one edit of each answer per 3 s, and answers the first with 500
        String form = openForm(alice, "Family");
        discord.limitRate("PATCH", RESULT_EDIT, 1, Duration.ofSeconds(3));
        discord.failNext(1, 500, "PATCH", RESULT_EDIT);

        // WHEN Alice submits the form
        FakeInteraction submit = submitFeed(alice, form);

        // THEN the edit was sent again only once the window had reset (the fake refuses, and the test fails on,
        // an edit that does not wait), and she sees the result once
        assertThat(awaitResultEdits(submit, 2)).containsExactly(500, 200);
        assertThat(finalAnswers(submit)).singleElement().asString().startsWith("✅ Family is connected.");
        assertThat(submit.timeToFirstOriginalEdit()).isLessThan(WITHIN);
        // AND the calendar is stored, connected
        assertThat(integrations.list(id(alice))).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED));
    }

    @Test
    @DisplayName("429 with Retry-After on three people's result edits at once: each waits what it is told and sees the result once")
    void rateLimitedForSeveral() {
        // GIVEN three people with the form open, and Discord answering the next three edits with 429, retry after 1 s
        Map<FakeUser, String> forms = Map.of(alice, openForm(alice, "Family"), bob, openForm(bob, "Family"),
                carol, openForm(carol, "Family"));
        discord.failNext(3, 429, "PATCH", RESULT_EDIT);

        // WHEN they submit at once
        Map<FakeUser, FakeInteraction> submits = Map.of(alice, submitFeed(alice, forms.get(alice)),
                bob, submitFeed(bob, forms.get(bob)), carol, submitFeed(carol, forms.get(carol)));

        // THEN each sees the result once, within the limits (no request before its Retry-After passed)
        submits.forEach((person, submit) -> {
            assertThat(awaitResultEdits(submit, 2)).as(person.name()).containsExactly(429, 200);
            assertThat(finalAnswers(submit)).as(person.name()).singleElement().asString().startsWith("✅ Family is connected.");
            assertThat(submit.timeToFirstOriginalEdit()).isBetween(Duration.ofSeconds(1), WITHIN);
            // AND each one's calendar is stored, connected
            assertThat(integrations.list(id(person))).singleElement()
                    .satisfies(stored -> assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED));
        });
    }

    private String openForm(FakeUser person, String label) {
        return discord.slash(person, "integration", "add", options("type", "calendar", "label", label)).awaitCallback().customId();
    }

    private FakeInteraction submitFeed(FakeUser person, String form) {
        return discord.modalSubmit(person, form, Map.of("address", "http://127.0.0.1:" + feeds.port() + "/family.ics"),
                Map.of("source", List.of("feed")));
    }

    /** The answers the person was shown after "Checking…": the accepted edits of the interaction's answer. */
    private static List<String> finalAnswers(FakeInteraction submit) {
        return submit.originalEdits().stream().map(edit -> edit.path("content").asString(""))
                .filter(content -> !content.startsWith("Checking")).toList();
    }

    /** Waits until the fake answered {@code count} edits of this interaction's answer, then gives their statuses. */
    private List<Integer> awaitResultEdits(FakeInteraction interaction, int count) {
        await().atMost(WITHIN).until(() -> resultEditRequests(interaction).size() >= count);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true); // nothing more follows
        return resultEditRequests(interaction).stream().map(RecordedRequest::status).toList();
    }

    private List<RecordedRequest> resultEditRequests(FakeInteraction interaction) {
        String path = "webhooks/" + Long.toUnsignedString(discord.applicationId()) + "/" + interaction.token()
                + "/messages/@original";
        return discord.requests().stream().filter(request -> request.is("PATCH", path)).toList();
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
