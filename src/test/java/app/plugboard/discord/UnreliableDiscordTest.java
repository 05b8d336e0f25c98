package app.plugboard.discord;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.discord.fake.RecordedRequest;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Discord is not always there: its gateway asks bots to reconnect, and its REST side sometimes answers with a
 * server error or a rate limit. Through the real JDA client and a fake Discord that stumbles on purpose, with a
 * real calendar check against a feed server on loopback.
 */
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@DisplayName("An unreliable Discord: the gateway reconnects, requests fail")
class UnreliableDiscordTest {

    static final String RESULT_EDIT = "webhooks/{app}/{token}/messages/@original";
    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @Autowired
    FakeDiscord discord;
    @Autowired
    ShardManager shards;
    @Autowired
    IntegrationService integrations;

    FakeUser alice;

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @Test
    @DisplayName("the gateway asks for a reconnect while a form is open: the session resumes (no new login), the submit is checked, stored and answered")
    void reconnectWhileAFormIsOpen() {
        // GIVEN Alice opened the form to add a calendar
        String form = openForm("Family");
        int identifies = discord.identifyCount();
        int resumes = discord.resumeCount();
        long registrations = commandRegistrations();

        // WHEN Discord asks the bot to reconnect (op 7), as it does from time to time
        discord.reconnect();

        // THEN JDA resumes the same session: no second login, the commands are not registered again
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.resumeCount() == resumes + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> shards.getShardById(0).getStatus() == JDA.Status.CONNECTED);
        assertThat(discord.identifyCount()).isEqualTo(identifies);
        assertThat(commandRegistrations()).isEqualTo(registrations);

        // WHEN she submits the form
        FakeInteraction submit = submitFeed(form);

        // THEN it is acknowledged, checked, and the result edited in
        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(resultOf(submit)).startsWith("✅ Family is connected.");
        // AND the calendar is stored, connected
        assertThat(integrations.list(id(alice))).singleElement().satisfies(stored -> {
            assertThat(stored.label()).isEqualTo("Family");
            assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
    }

    @Test
    @DisplayName("a command sent while the bot reconnects is delivered when the session resumes, and answered in time")
    void commandDuringTheReconnect() {
        // GIVEN Alice has a calendar
        IntegrationView family = integrations.create(id(alice), "Family", SampleSettings.feed("tok"));
        int resumes = discord.resumeCount();

        // WHEN Discord asks the bot to reconnect and, right then, Alice asks for her integrations
        discord.reconnect();
        FakeInteraction list = discord.slash(alice, "integration", "list", Map.of());

        // THEN the session resumed and her command was answered once, within Discord's three seconds
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.resumeCount() == resumes + 1);
        Callback first = list.awaitCallback();
        assertThat(first.accepted()).isTrue();
        assertThat(list.awaitMessage(m -> !m.embeds().isEmpty()).text()).contains("Your integrations (1)", family.label());
        assertThat(list.callbacks()).hasSize(1);
    }

    @Test
    @DisplayName("a 503 on the edit that carries a check's result: JDA sends it again, the person sees the result, the calendar is stored")
    void serverErrorOnTheResult() {
        // GIVEN Discord will answer the next edit of an interaction's answer with 503 Service Unavailable
        String form = openForm("Family");
        discord.failNext(1, 503, "PATCH", RESULT_EDIT);

        // WHEN Alice submits the form
        FakeInteraction submit = submitFeed(form);

        // THEN JDA sent the edit again (after half a second), and it went through
        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(resultOf(submit)).startsWith("✅ Family is connected.");
        assertResultEdits(submit, 503, 200);
        // AND the calendar is stored, connected
        assertThat(integrations.list(id(alice))).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED));
    }

    @Test
    @DisplayName("a 429 on that edit: JDA waits the second Discord asks for, sends it again, and the person sees the result")
    void rateLimitOnTheResult() {
        // GIVEN Discord will answer the next edit of an interaction's answer with 429, retry after 1 s
        String form = openForm("Family");
        discord.failNext(1, 429, "PATCH", RESULT_EDIT);

        // WHEN Alice submits the form
        FakeInteraction submit = submitFeed(form);

        // THEN the edit went through on the second try, no sooner than a second later
        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(resultOf(submit)).startsWith("✅ Family is connected.");
        assertResultEdits(submit, 429, 200);
        assertThat(submit.timeToFirstOriginalEdit()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // AND the calendar is stored, connected
        assertThat(integrations.list(id(alice))).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED));
    }

    private String openForm(String label) {
        Callback form = discord.slash(alice, "integration", "add", options("type", "calendar", "label", label)).awaitCallback();
        assertThat(form.type()).isEqualTo(Callback.MODAL);
        return form.customId();
    }

    private FakeInteraction submitFeed(String form) {
        return discord.modalSubmit(alice, form, Map.of("address", "http://127.0.0.1:" + feeds.port() + "/family.ics"),
                Map.of("source", List.of("feed")));
    }

    private static String resultOf(FakeInteraction submit) {
        JsonNode result = submit.awaitOriginalEdit(edit -> !edit.path("content").asString("").startsWith("Checking"));
        return result.path("content").asString();
    }

    /** The fake answered the edits of this interaction's answer with these statuses, in order (each is listed once answered). */
    private void assertResultEdits(FakeInteraction interaction, Integer... statuses) {
        String path = "webhooks/" + Long.toUnsignedString(discord.applicationId()) + "/" + interaction.token()
                + "/messages/@original";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(discord.requests().stream()
                .filter(request -> request.is("PATCH", path)).map(RecordedRequest::status)).containsExactly(statuses));
    }

    private long commandRegistrations() {
        String path = "applications/" + Long.toUnsignedString(discord.applicationId()) + "/commands";
        return discord.requests().stream().filter(request -> request.is("PUT", path)).count();
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
