package app.plugboard.integration.outlook;

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
import app.plugboard.integration.gmail.Browser;
import app.plugboard.integration.gmail.GmailStandIns;
import app.plugboard.integration.gmail.GmailTestBeans;
import app.plugboard.integration.gmail.GoogleStandIn;
import app.plugboard.integration.oauthmail.MailSignInTestBase;
import app.plugboard.testsupport.DiscordTest;
import java.time.Duration;
import java.time.Instant;
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
 * Outlook sign-in from the slash command to the stored integration: the real JDA client logged in to a fake
 * Discord, a browser that follows redirects and keeps cookies, Discord sign-in on the confirmation page,
 * mock-oauth2-server as Microsoft (tenant-shaped issuers, ID tokens, rotating refresh tokens), GreenMail with
 * XOAUTH2 as Outlook's IMAP. This Plugboard accepts work or school accounts only
 * ({@code PLUGBOARD_MICROSOFT_TENANT=organizations}).
 */
@DiscordTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = GmailStandIns.QUIET_STAND_INS)
@Import(GmailTestBeans.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Outlook sign-in from Discord, end to end, on a Plugboard for work or school accounts")
class OutlookSignInDiscordTest {

    static final int PORT = GmailStandIns.freePort();
    static final GoogleStandIn google = GmailStandIns.google();
    static final MicrosoftStandIn microsoft = OutlookStandIns.microsoft();
    static final OutlookMailStandIn outlook = OutlookStandIns.mail();
    static final MicrosoftStandIn.Who ALICE_AT_WORK = MicrosoftStandIn.Who.work("alice@contoso.com");

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        GmailStandIns.register(registry, PORT, true);
        OutlookStandIns.register(registry);
        registry.add("plugboard.outlook.microsoft.tenant", () -> "organizations");
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
        microsoft.reset();
        outlook.reset();
        clock.reset();
        microsoft.signInAs(ALICE_AT_WORK);
        google.signInToDiscordAs(alice.id(), "alice");
    }

    @AfterEach
    void nothingLeaked(CapturedOutput output) {
        clock.reset();
        MailSignInTestBase.assertNoSecretIn(output.getAll());
    }

    @Test
    @DisplayName("/integration add type:outlook, the link, Discord and Microsoft sign-in at the organizations endpoints: stored for Alice, encrypted, her message updated")
    void endToEnd() {
        outlook.deliver("alice@contoso.com", 12, 5);

        // WHEN Alice runs the command THEN she gets, privately, a message with a link button
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "outlook", "label", "Work"));
        assertThat(add.awaitCallback().type()).isIn(Callback.REPLY, Callback.DEFERRED_REPLY);
        assertThat(add.awaitCallback().ephemeral()).isTrue();
        FakeMessage shown = add.awaitMessage(m -> m.content().contains("Connect Outlook"));
        assertThat(shown.content()).contains("🔗 **Connect Outlook: Work**", "Microsoft's", "works once, for 10 minutes");
        String link = shown.button("Connect Outlook").path("url").asString();
        assertThat(link).startsWith("http://localhost:" + PORT + "/oauth2/connect/");

        // WHEN she opens it THEN the page names her Discord account, says what Microsoft will ask, and wants Discord sign-in
        Browser browser = new Browser();
        Browser.Visit page = browser.open(link);
        assertThat(page.body()).contains("Connect an Outlook account to <strong>Discord user @alice</strong>?",
                "Sign in with Discord", "read and send your mail");

        // WHEN she confirms (Discord, then Microsoft, sign her in)
        Browser.Visit done = browser.submit(page);

        // THEN the browser went through Discord and Microsoft's organizations endpoint, back to our callback
        assertThat(done.addresses()).extracting(Object::toString)
                .anyMatch(a -> a.startsWith(google.url(GoogleStandIn.DISCORD, "authorize")))
                .anyMatch(a -> a.startsWith(microsoft.url("organizations", "authorize")))
                .anyMatch(a -> a.startsWith("http://localhost:" + PORT + "/oauth2/callback/microsoft"));
        assertThat(microsoft.tokenCalls("authorization_code")).singleElement()
                .satisfies(call -> assertThat(call.tenant()).isEqualTo("organizations"));
        assertThat(done.body()).contains("Connected as alice@contoso.com", "INBOX 12 messages (5 unread)");
        // AND the integration is Alice's, connected, the work account's, its tokens stored encrypted
        IntegrationView work = integrations.list(id(alice)).get(0);
        assertThat(work.label()).isEqualTo("Work");
        assertThat(work.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(work.summary()).isEqualTo("alice@contoso.com (work or school account)");
        OutlookSettings stored = (OutlookSettings) integrations.settings(id(alice), work.id());
        assertThat(stored.tenantId()).isEqualTo(MicrosoftStandIn.CONTOSO);
        assertThat(microsoft.issuedSecrets()).contains(stored.accessToken().reveal(), stored.refreshToken().reveal());
        assertThat(jdbc.queryForObject("select owner_id from integration", Long.class)).isEqualTo(alice.id());
        assertThat(jdbc.queryForObject("select secrets from integration", String.class))
                .startsWith("pb1.").doesNotContain(stored.accessToken().reveal(), stored.refreshToken().reveal());
        // AND her message in Discord now says so, without the used link
        FakeMessage updated = add.awaitMessage(m -> m.content().contains("is connected"));
        assertThat(updated.id()).isEqualTo(shown.id());
        assertThat(updated.content()).isEqualTo("✅ **Work** (Outlook) is connected. "
                + "Connected as alice@contoso.com: INBOX 12 messages (5 unread).");
        assertThat(updated.buttons()).isEmpty();
    }

    @Test
    @DisplayName("another Discord user who opens the link is refused before Microsoft is asked; the owner is warned; nothing is stored")
    void anotherDiscordUser() {
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "outlook", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Outlook")).button("Connect Outlook").path("url").asString();

        // WHEN Bob (who got the link somehow) signs in with Discord on the page
        google.signInToDiscordAs(bob.id(), "bob");
        Browser bobs = new Browser();
        Browser.Visit done = bobs.submit(bobs.open(link));

        // THEN he is refused before Microsoft is asked, nothing is stored, and Alice's message warns her
        assertThat(done.body()).contains("This link is for someone else", "you signed in to Discord as @bob");
        assertThat(microsoft.calls("authorize")).isEmpty();
        assertThat(integrations.list(id(alice))).isEmpty();
        assertThat(integrations.list(id(bob))).isEmpty();
        assertThat(add.awaitMessage(m -> m.content().contains("another Discord account")).content())
                .contains("Your Outlook link for **Work** was opened by another Discord account (@bob)");
        // AND the link is used up
        assertThat(new Browser().open(link).body()).contains("This link has expired");
    }

    @Test
    @DisplayName("a personal account is refused on this Plugboard even when Microsoft lets it through: in words, on the page and in Discord; nothing stored")
    void personalAccountRefused(CapturedOutput output) {
        // GIVEN Microsoft signs Alice in with her personal account
        microsoft.signInAs(MicrosoftStandIn.Who.personal("alice@outlook.com"));
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "outlook", "label", "Home"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Outlook")).button("Connect Outlook").path("url").asString();

        // WHEN she signs in
        Browser browser = new Browser();
        Browser.Visit done = browser.submit(browser.open(link));

        // THEN the page and her message say this Plugboard does not accept that account, and why
        assertThat(done.body()).contains("This Microsoft account is not allowed by this Plugboard&#39;s settings",
                "work or school accounts only", "Nothing was connected");
        assertThat(add.awaitMessage(m -> m.content().contains("not connected")).content())
                .startsWith("❌ **Home** (Outlook) was not connected: This Microsoft account is not allowed by this "
                        + "Plugboard's settings")
                .contains("work or school accounts only");
        // AND nothing was stored; the log tells the operator which setting refused it
        assertThat(integrations.list(id(alice))).isEmpty();
        assertThat(output.getAll()).contains("refused: the account's tenant is not one PLUGBOARD_MICROSOFT_TENANT accepts");
    }

    @Test
    @DisplayName("Microsoft says the refresh token expired (AADSTS700082): one direct message with Reconnect; its link signs in again into the same integration")
    void reconnect() {
        // GIVEN Alice's Outlook is connected, and Microsoft has since let the refresh token expire
        FakeInteraction add = discord.slash(alice, "integration", "add", options("type", "outlook", "label", "Work"));
        String link = add.awaitMessage(m -> m.content().contains("Connect Outlook")).button("Connect Outlook").path("url").asString();
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(link)).body()).contains("Connected as alice@contoso.com");
        IntegrationView work = integrations.list(id(alice)).get(0);
        OutlookSettings settings = (OutlookSettings) integrations.settings(id(alice), work.id());
        integrations.renewCredentials(id(alice), work.id(), settings.withTokens(settings.accessToken(),
                settings.refreshToken(), Instant.now().minusSeconds(60), settings.grantedScopes()));
        microsoft.failNextTokenRequest(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: The "
                + "refresh token has expired due to inactivity.\",\"error_codes\":[700082]}");

        // WHEN she checks it THEN the check says to sign in again, and a direct message offers Reconnect, once
        FakeInteraction check = discord.slash(alice, "integration", "check", options("integration", work.id().toString()));
        assertThat(check.awaitMessage(m -> m.text().contains("Checked just now")).text())
                .contains("Microsoft no longer accepts Plugboard's access", "Reconnect to sign in again")
                .doesNotContain("AADSTS");
        FakeMessage notice = await().atMost(Duration.ofSeconds(10))
                .until(() -> discord.directMessagesTo(alice), messages -> !messages.isEmpty()).get(0);
        assertThat(notice.content()).contains("**Work** (Outlook / Microsoft 365) needs you to sign in again:", "Microsoft no longer accepts");
        assertThat(integrations.get(id(alice), work.id()).status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(((OutlookSettings) integrations.settings(id(alice), work.id())).hasTokens()).isFalse();

        // WHEN she clicks Reconnect in the direct message and signs in again
        FakeInteraction reconnect = discord.button(alice, notice.button("Reconnect").path("custom_id").asString(), notice);
        FakeMessage again = reconnect.awaitMessage(m -> m.content().contains("Sign in again"));
        assertThat(again.content()).contains("sign in as alice@contoso.com");
        Browser.Visit done = browser.submit(browser.open(again.button("Connect Outlook").path("url").asString()));

        // THEN Microsoft was told which account to sign in, the same integration is connected again, and the message says so
        assertThat(microsoft.calls("authorize").get(microsoft.calls("authorize").size() - 1).parameters())
                .containsEntry("login_hint", "alice@contoso.com");
        assertThat(done.body()).contains("Work is connected again");
        assertThat(integrations.list(id(alice))).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(work.id());
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
        assertThat(((OutlookSettings) integrations.settings(id(alice), work.id())).hasTokens()).isTrue();
        assertThat(reconnect.awaitMessage(m -> m.content().contains("connected again")).content())
                .contains("✅ **Work** (Outlook) is connected again.");
        assertThat(discord.directMessagesTo(alice)).hasSize(1);
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
    }

    private static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
