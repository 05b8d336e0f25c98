package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.common.UserId;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.DiscordTest;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The watch on a Gmail integration: its background check renews the access token when needed (the
 * single-flight renewal of {@link GmailTokens}), so a grant Google revoked is found within one interval.
 * Google and Gmail's IMAP are the stand-ins, Discord the fake, and the clock is moved by the test.
 */
@DiscordTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {GmailStandIns.QUIET_STAND_INS,
        "plugboard.watch.interval=30m", "plugboard.watch.poll-interval=50ms"})
@Import(GmailTestBeans.class)
@DisplayName("Watching a Gmail integration")
class GmailWatchTest {

    static final int PORT = GmailStandIns.freePort();
    static final GoogleStandIn google = GmailStandIns.google();
    static final GmailImapStandIn gmail = GmailStandIns.imap();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        GmailStandIns.register(registry, PORT, false);
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    GmailSignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GmailTestBeans.MovableClock clock;

    FakeUser alice;

    @BeforeEach
    void freshStandIns() {
        google.reset();
        gmail.reset();
        clock.reset();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    @DisplayName("a revoked grant: the next background check finds it, 'needs re-authentication', one DM with Reconnect")
    void revokedGrant() {
        // GIVEN Alice's Gmail, connected, and checked once in the background
        String link = signIn.connect(id(alice), "Work", null).rows().get(0).controls().stream()
                .filter(app.plugboard.chat.Control.Link.class::isInstance)
                .map(control -> ((app.plugboard.chat.Control.Link) control).url()).findFirst().orElseThrow();
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(link)).body()).contains("Connected as alice@gmail.com");
        IntegrationView work = integrations.list(id(alice)).get(0);
        gmail.deliver("alice@gmail.com", 3, 1);
        passTime(Duration.ofMinutes(30));
        assertThat(integrations.get(id(alice), work.id()).status()).isEqualTo(IntegrationStatus.CONNECTED);
        int tokenCallsBefore = google.tokenCalls("refresh_token").size();
        // (the sign-in itself was told in a direct message: nobody had asked in the chat)
        assertThat(discord.directMessagesTo(alice)).singleElement().satisfies(message ->
                assertThat(message.content()).startsWith("✅ **Work** (Gmail) is connected."));

        // WHEN Google revokes the grant (Gmail refuses the token, and a renewal gets invalid_grant)
        gmail.refuseLogins(true);
        google.failNextTokenRequest(400, "{\"error\":\"invalid_grant\"}");
        passTime(Duration.ofMinutes(30));

        // THEN the integration needs re-authentication, its tokens are dropped, and Alice gets one message with Reconnect
        assertThat(integrations.get(id(alice), work.id()).status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(((GmailSettings) integrations.settings(id(alice), work.id())).hasTokens()).isFalse();
        assertThat(discord.directMessagesTo(alice)).hasSize(2);
        FakeMessage notice = discord.directMessagesTo(alice).get(1);
        assertThat(notice.content()).startsWith("🟠 **Work** (Gmail) needs you to sign in again: Google no longer accepts");
        assertThat(notice.buttons()).extracting(button -> button.path("label").asString())
                .containsExactly("Check now", "Reconnect", "Mute alerts");

        // WHEN more intervals pass THEN Google is not asked again, and nothing more is sent
        passTime(Duration.ofMinutes(30));
        passTime(Duration.ofMinutes(30));
        assertThat(google.tokenCalls("refresh_token")).hasSize(tokenCallsBefore + 1);
        assertThat(discord.directMessagesTo(alice)).hasSize(2);
        assertThat(jdbc.queryForList("select change || ' ' || outcome from integration_notice", String.class))
                .containsExactly("NEEDS_REAUTHENTICATION DELIVERED");
    }

    /** Moves the clock on, then waits until every check due by then ran and every notice went out. */
    void passTime(Duration duration) {
        clock.advance(duration);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select (select count(*) from scheduled_tasks where task_name = 'integration-check'
                            and (picked or execution_time <= ?))
                     + (select count(*) from integration_notice where outcome is null)""",
                Integer.class, Timestamp.from(clock.instant())) == 0);
    }

    static UserId id(FakeUser user) {
        return new UserId(user.id());
    }
}
