package app.plugboard.faults;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.calendar.CalendarParsingTest;
import app.plugboard.integration.calendar.LocalServer;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.SampleSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault 3: Discord's gateway drops the bot's connection (close code 1006: the connection just ends; 4000: "unknown
 * error, reconnect") and the bot resumes its session. Interactions sent during the gap are replayed by the fake as
 * Discord replays them, and answered once; when the session cannot be resumed, what was sent during the gap is
 * lost, and the bot answers and stores nothing for it. The test fails on any second or late acknowledgement
 * ({@link DiscordTest}). Through the real JDA client, with a real calendar check against a feed server on loopback.
 */
@DiscordTest(properties = "plugboard.network.allowed-ranges=127.0.0.1/32")
@DisplayName("Fault: the Discord gateway drops the connection")
class GatewayDropTest {

    static final Duration RESUMED_WITHIN = Duration.ofSeconds(10);
    static final LocalServer feeds = LocalServer.http()
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));

    @Autowired
    FakeDiscord discord;
    @Autowired
    ShardManager shards;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    FakeUser alice;
    FakeUser bob;

    @AfterAll
    static void stopServer() {
        feeds.close();
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {1006, 4000})
    @DisplayName("dropped while a form is open and a command arrives: the session resumes, the command is answered once, the form after it is checked and stored")
    void resumes(int closeCode) {
        // GIVEN Alice has the form to add a calendar open, and Bob has a calendar
        String form = openForm(alice, "Family");
        integrations.create(id(bob), "Bob's", SampleSettings.feed("tok"));
        int identifies = discord.identifyCount();
        int resumes = discord.resumeCount();

        // WHEN the gateway drops the connection and, during the gap, Bob asks for his integrations
        AtomicReference<FakeInteraction> list = new AtomicReference<>();
        discord.dropGateway(closeCode, () -> list.set(discord.slash(bob, "integration", "list", Map.of())));

        // THEN the bot resumed its session (no new login), and Bob's command, replayed, was answered once, in time
        await().atMost(RESUMED_WITHIN).until(() -> discord.resumeCount() == resumes + 1);
        assertThat(discord.identifyCount()).isEqualTo(identifies);
        Callback first = list.get().awaitCallback();
        assertThat(first.accepted()).isTrue();
        assertThat(list.get().awaitMessage(m -> !m.embeds().isEmpty()).text()).contains("Your integrations (1)", "Bob's");
        assertThat(list.get().callbacks()).hasSize(1);

        // WHEN Alice submits her form after the resume THEN it is checked, stored and answered
        FakeInteraction submit = submitFeed(alice, form);
        assertThat(submit.awaitCallback().content()).isEqualTo("Checking the connection…");
        assertThat(submit.awaitOriginalEdit(edit -> !edit.path("content").asString("").startsWith("Checking"))
                .path("content").asString()).startsWith("✅ Family is connected.");
        assertThat(integrations.list(id(alice))).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo(IntegrationStatus.CONNECTED));
        assertThat(submit.callbacks()).hasSize(1);
    }

    @Test
    @DisplayName("dropped twice in a row with interactions before, during and after: each is answered exactly once")
    void droppedTwice() {
        // GIVEN Bob asked for his integrations before anything happened, and was answered
        FakeInteraction before = discord.slash(bob, "integration", "list", Map.of());
        assertThat(before.awaitCallback().accepted()).isTrue();
        int resumes = discord.resumeCount();

        // WHEN the gateway drops the connection twice, each time with a command in the gap, and one follows
        AtomicReference<FakeInteraction> inFirstGap = new AtomicReference<>();
        discord.dropGateway(1006, () -> inFirstGap.set(discord.slash(bob, "integration", "help", Map.of())));
        await().atMost(RESUMED_WITHIN).until(() -> discord.resumeCount() == resumes + 1);
        AtomicReference<FakeInteraction> inSecondGap = new AtomicReference<>();
        discord.dropGateway(4000, () -> inSecondGap.set(discord.slash(alice, "integration", "help", Map.of())));
        await().atMost(RESUMED_WITHIN).until(() -> discord.resumeCount() == resumes + 2);
        FakeInteraction after = discord.slash(alice, "integration", "list", Map.of());

        // THEN every one was acknowledged exactly once (the replays did not bring the earlier ones back)
        for (FakeInteraction interaction : List.of(inFirstGap.get(), inSecondGap.get(), after)) {
            assertThat(interaction.awaitCallback().accepted()).as(interaction.toString()).isTrue();
        }
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        for (FakeInteraction interaction : List.of(before, inFirstGap.get(), inSecondGap.get(), after)) {
            assertThat(interaction.callbacks()).as(interaction.toString()).hasSize(1);
        }
    }

    @Test
    @DisplayName("the session is lost in the gap: the bot logs in anew, the form submitted meanwhile never arrived and nothing is stored or answered for it")
    void sessionLost() {
        // GIVEN Alice has the form to add a calendar open
        String form = openForm(alice, "Family");
        int identifies = discord.identifyCount();

        // WHEN the gateway drops the connection for good and, during the gap, Alice submits the form
        AtomicReference<FakeInteraction> lost = new AtomicReference<>();
        discord.dropGatewaySession(4000, () -> lost.set(submitFeed(alice, form)));

        // THEN the bot logged in again with a new session, and answers again
        await().atMost(RESUMED_WITHIN).until(() -> discord.identifyCount() == identifies + 1);
        await().atMost(RESUMED_WITHIN).until(() -> shards.getShardById(0).getStatus() == JDA.Status.CONNECTED);
        FakeInteraction list = discord.slash(alice, "integration", "list", Map.of());
        assertThat(list.awaitCallback().accepted()).isTrue();
        // AND what never arrived was not made up: no answer to the lost submit, no calendar stored
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(lost.get().callbacks()).isEmpty();
        assertThat(lost.get().originalEdits()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from integration", Integer.class)).isZero();
        // AND running the command again works as usual
        FakeInteraction again = submitFeed(alice, openForm(alice, "Family"));
        assertThat(again.awaitOriginalEdit(edit -> !edit.path("content").asString("").startsWith("Checking"))
                .path("content").asString()).startsWith("✅ Family is connected.");
        assertThat(integrations.list(id(alice))).hasSize(1);
    }

    private String openForm(FakeUser person, String label) {
        Callback form = discord.slash(person, "integration", "add", options("type", "calendar", "label", label)).awaitCallback();
        assertThat(form.type()).isEqualTo(Callback.MODAL);
        return form.customId();
    }

    private FakeInteraction submitFeed(FakeUser person, String form) {
        return discord.modalSubmit(person, form, Map.of("address", "http://127.0.0.1:" + feeds.port() + "/family.ics"),
                Map.of("source", List.of("feed")));
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
