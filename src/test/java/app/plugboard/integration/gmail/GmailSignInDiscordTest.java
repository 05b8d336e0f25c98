package app.plugboard.integration.gmail;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.DiscordTest;
import java.net.HttpCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gmail sign-in from the slash command to the stored integration: the real JDA client logged in to a
 * fake Discord, a browser that follows redirects and keeps cookies, mock-oauth2-server as Google
 * (and as Discord's sign-in, which this Plugboard requires on the confirmation page), GreenMail's
 * XOAUTH2 as Gmail's IMAP.
 */
@DiscordTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = GmailStandIns.QUIET_STAND_INS)
@Import(GmailTestBeans.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Gmail sign-in from Discord, end to end")
class GmailSignInDiscordTest {

    static final int PORT = GmailStandIns.freePort();
    static final GoogleStandIn google = GmailStandIns.google();
    static final GmailImapStandIn gmail = GmailStandIns.imap();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        GmailStandIns.register(registry, PORT, true);
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GmailTestBeans.MovableClock clock;

    FakeUser alice;
    FakeUser bob;

    @BeforeEach
    void freshStandIns() {
        google.reset();
        gmail.reset();
        clock.reset();
    }

    @AfterEach
    void nothingLeaked(CapturedOutput output) {
        clock.reset();
        GmailSignInTestBase.assertNoSecretIn(output.getAll());
    }

    @Test
    @DisplayName("/integration add type:gmail, the link, Discord and Google sign-in: stored for Alice, encrypted, her message updated")
    void endToEnd() {
        gmail.deliver("alice@gmail.com", 12, 5);

        // WHEN Alice runs the command THEN she gets, privately, a message with a link button
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "gmail", "label", "Work"));
        assertThat(add.awaitCallback().type()).isIn(Callback.REPLY, Callback.DEFERRED_REPLY);
        assertThat(add.awaitCallback().ephemeral()).isTrue();
        FakeMessage shown = add.awaitMessage(m -> m.content().contains("Connect Gmail"));
        String link = shown.button("Connect Gmail").path("url").asString();
        assertThat(link).startsWith("http://localhost:" + PORT + "/oauth2/connect/");

        // WHEN she opens it THEN our page names her Discord account and asks her to sign in with Discord
        google.signInToDiscordAs(alice.id(), "alice");
        Browser browser = new Browser();
        Browser.Visit page = browser.open(link);
        assertThat(page.body()).contains("Connect a Gmail account to <strong>Discord user @alice</strong>?",
                "Sign in with Discord");

        // WHEN she confirms (Discord, then Google, sign her in)
        Browser.Visit done = browser.submit(page);

        // THEN the browser went through Discord and Google and ended on our result page
        assertThat(done.addresses()).extracting(Object::toString)
                .anyMatch(a -> a.startsWith(google.url(GoogleStandIn.DISCORD, "authorize")))
                .anyMatch(a -> a.startsWith(google.url(GoogleStandIn.GOOGLE, "authorize")));
        assertThat(done.body()).contains("Connected as alice@gmail.com", "INBOX 12 messages (5 unread)");
        // AND the integration is Alice's (nobody else's), connected, its tokens stored encrypted
        List<IntegrationView> hers = integrations.list(id(alice));
        assertThat(hers).singleElement().satisfies(view -> {
            assertThat(view.label()).isEqualTo("Work");
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
        assertThat(integrations.list(id(bob))).isEmpty();
        GmailSettings stored = (GmailSettings) integrations.settings(id(alice), hers.get(0).id());
        assertThat(google.issuedSecrets()).contains(stored.accessToken().reveal(), stored.refreshToken().reveal());
        assertThat(jdbc.queryForObject("select owner_id from integration", Long.class)).isEqualTo(alice.id());
        assertThat(jdbc.queryForObject("select secrets from integration", String.class))
                .startsWith("pb1.").doesNotContain(stored.accessToken().reveal(), stored.refreshToken().reveal());
        // AND her message in Discord now says so, without the used link
        FakeMessage updated = add.awaitMessage(m -> m.content().contains("is connected"));
        assertThat(updated.id()).isEqualTo(shown.id());
        assertThat(updated.content()).contains("✅ **Work** (Gmail) is connected.",
                "Connected as alice@gmail.com: INBOX 12 messages (5 unread).");
        assertThat(updated.buttons()).isEmpty();
        assertThat(discord.directMessagesTo(alice)).isEmpty();
        assertThat(browser.cookies()).extracting(HttpCookie::getName).doesNotContain("JSESSIONID");
    }

    @Test
    @DisplayName("the page names the Discord account by its username, not by the display name anyone can choose, without invisible formatting characters")
    void pageNamesTheUsername() {
        // GIVEN Mallory, whose display name pretends to be Alice, and whose name carries a right-to-left override
        // and a zero-width space (Discord's own rules should keep them out of usernames: the page does not rely on it)
        FakeUser mallory = discord.user("mal\u202Elory\u200B", "Alice (@alice)");
        FakeInteraction add = discord.slash(mallory, "integration", "add", options("type", "gmail", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();

        // WHEN the link is opened
        Browser.Visit page = new Browser().open(link);

        // THEN the page leads with the username, the one name nobody else can take, and the display name is not shown
        assertThat(page.body()).contains("Connect a Gmail account to <strong>Discord user @mallory</strong>?")
                .doesNotContain("Alice", "@alice");
        // AND no invisible formatting character reaches the page
        assertThat(GmailSignInTestBase.formatCharacters(page.body())).isEmpty();
    }

    @Test
    @DisplayName("another Discord user who opens the link is refused; the owner is warned; nothing is stored")
    void anotherDiscordUser() {
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "gmail", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();

        // WHEN Bob (who got the link somehow) signs in with Discord on the page
        google.signInToDiscordAs(bob.id(), "bob");
        Browser bobs = new Browser();
        Browser.Visit done = bobs.submit(bobs.open(link));

        // THEN he is refused before Google is asked, nothing is stored, and Alice's message warns her
        assertThat(done.body()).contains("This link is for someone else", "you signed in to Discord as @bob");
        assertThat(google.calls(GoogleStandIn.GOOGLE, "authorize")).isEmpty();
        assertThat(integrations.list(id(alice))).isEmpty();
        assertThat(integrations.list(id(bob))).isEmpty();
        assertThat(add.awaitMessage(m -> m.content().contains("another Discord account")).content())
                .contains("opened by another Discord account (@bob)");
        // AND the link is used up
        assertThat(new Browser().open(link).body()).contains("This link has expired");
    }

    @Test
    @DisplayName("once the interaction can no longer be edited (15 minutes), the outcome comes as a direct message")
    void directMessageAfterFifteenMinutes() {
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "gmail", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();
        int editsBefore = add.originalEdits().size();
        google.signInToDiscordAs(alice.id(), "alice");
        clock.advance(Duration.ofMinutes(15));

        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(link)).body()).contains("Connected as alice@gmail.com");

        FakeMessage direct = await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.directMessagesTo(alice), messages -> !messages.isEmpty()).get(0);
        assertThat(direct.content()).contains("✅ **Work** (Gmail) is connected.");
        assertThat(add.originalEdits()).hasSize(editsBefore);
    }

    @Test
    @DisplayName("Discord fails the edit of her message (a 500, which JDA does not send again): the outcome comes as a direct message")
    void directMessageWhenTheEditFails() {
        // GIVEN Alice has her sign-in link, and Discord will fail the next edit of an interaction's answer
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "gmail", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();
        int editsBefore = add.originalEdits().size();
        google.signInToDiscordAs(alice.id(), "alice");
        discord.failNext(1, 500, "PATCH", "webhooks/{app}/{token}/messages/@original");

        // WHEN she signs in
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(link)).body()).contains("Connected as alice@gmail.com");

        // THEN the outcome reaches her as a direct message, her message in the channel is as it was
        FakeMessage direct = await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.directMessagesTo(alice), messages -> !messages.isEmpty()).get(0);
        assertThat(direct.content()).contains("✅ **Work** (Gmail) is connected.");
        assertThat(add.originalEdits()).hasSize(editsBefore);
        assertThat(add.message().content()).contains("Connect Gmail");
        // AND the integration is stored, connected
        assertThat(integrations.list(id(alice))).singleElement()
                .satisfies(view -> assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED));
    }

    @Test
    @DisplayName("Google revoked the grant: one direct message with Reconnect; its link signs in again into the same integration")
    void reconnect() {
        // GIVEN Alice's Gmail is connected, and Google has since revoked the grant
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "gmail", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Gmail")).button("Connect Gmail").path("url").asString();
        google.signInToDiscordAs(alice.id(), "alice");
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(link)).body()).contains("Connected as alice@gmail.com");
        IntegrationView work = integrations.list(id(alice)).get(0);
        GmailSettings settings = (GmailSettings) integrations.settings(id(alice), work.id());
        integrations.renewCredentials(id(alice), work.id(), new GmailSettings(settings.googleAddress(), settings.accessToken(),
                settings.refreshToken(), Instant.now().minusSeconds(60), settings.grantedScopes()));
        google.failNextTokenRequest(400, "{\"error\":\"invalid_grant\"}");

        // WHEN she checks it THEN the check says to sign in again, and a direct message offers Reconnect, once
        FakeInteraction check = discord.slash(alice, "integration", "check", options("integration", work.id().toString()));
        assertThat(check.awaitMessage(m -> m.text().contains("Checked just now")).text())
                .contains("Google no longer accepts Plugboard's access");
        FakeMessage notice = await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.directMessagesTo(alice), messages -> !messages.isEmpty()).get(0);
        assertThat(notice.content()).contains("**Work** (Gmail) needs you to sign in again:");
        assertThat(integrations.get(id(alice), work.id()).status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);

        // WHEN she clicks Reconnect in the direct message and signs in again
        FakeInteraction reconnect = discord.button(alice, notice.button("Reconnect").path("custom_id").asString(), notice);
        FakeMessage again = reconnect.awaitMessage(m -> m.content().contains("Sign in again"));
        assertThat(again.content()).contains("sign in as alice@gmail.com");
        Browser.Visit done = browser.submit(browser.open(again.button("Connect Gmail").path("url").asString()));

        // THEN the same integration is connected again, and the Reconnect message says so
        assertThat(done.body()).contains("Work is connected again");
        assertThat(integrations.list(id(alice))).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(work.id());
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
        assertThat(reconnect.awaitMessage(m -> m.content().contains("connected again")).content())
                .contains("✅ **Work** (Gmail) is connected again.");
        assertThat(discord.directMessagesTo(alice)).hasSize(1);
        assertThat(google.tokenCalls("refresh_token")).hasSize(1);
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
