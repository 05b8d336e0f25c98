package app.plugboard.integration.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.Control;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.gmail.Browser;
import app.plugboard.integration.imap.MailAccess;
import app.plugboard.integration.imap.MailException;
import app.plugboard.integration.oauthmail.AnotherPlugboard;
import app.plugboard.integration.oauthmail.MailSignInTestBase;
import app.plugboard.integration.oauthmail.OAuthMailTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationContext;

@DisplayName("Outlook tokens over time: Microsoft rotates refresh tokens")
class OutlookTokensTest extends MailSignInTestBase {

    @Autowired
    OAuthMailTokens tokens;
    @Autowired
    ConnectionChecker checker;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    @Autowired
    MailAccess mail;

    IntegrationId work;
    OutlookSettings signedIn;

    @BeforeEach
    void givenAliceConnectedOutlook() {
        Browser browser = new Browser();
        assertThat(browser.submit(browser.open(linkFor("microsoft", ALICE, "Work", null))).body())
                .contains("Connected as alice@outlook.com");
        work = integrations.list(ALICE).get(0).id();
        signedIn = stored();
        notifier.clear();
    }

    @Test
    @DisplayName("a renewal stores the new refresh token Microsoft sends; Microsoft refuses the old one from then on, and the next renewal uses the new one")
    void rotation() throws Exception {
        // GIVEN the access token expires within five minutes
        expiresIn(Duration.ofMinutes(2));

        // WHEN it is needed
        OAuthMailTokens.Access access = tokens.current(ALICE, work);

        // THEN Microsoft was asked with the stored refresh token, and answered a new one, which is now the stored one
        assertThat(microsoft.tokenCalls("refresh_token")).singleElement()
                .satisfies(call -> assertThat(call.parameters()).containsEntry("refresh_token", signedIn.refreshToken().reveal()));
        OutlookSettings renewed = stored();
        assertThat(access).isEqualTo(new OAuthMailTokens.Ready("alice@outlook.com", renewed.accessToken()));
        assertThat(renewed.refreshToken()).isNotEqualTo(signedIn.refreshToken());
        assertThat(renewed.refreshToken().reveal()).isEqualTo(microsoft.tokenAnswers().get(1).get("refresh_token"));
        assertThat(renewed.accessTokenExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(jdbc.queryForObject("select secrets from integration", String.class))
                .doesNotContain(renewed.refreshToken().reveal());
        // AND Microsoft no longer accepts the old refresh token
        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(microsoft.url("common", "token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + OutlookStandIns.CLIENT_ID
                        + "&refresh_token=" + signedIn.refreshToken().reveal())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(old.body()).contains("invalid_grant");

        // WHEN the new access token is about to expire too
        expiresIn(Duration.ofMinutes(1));
        OAuthMailTokens.Access again = tokens.current(ALICE, work);

        // THEN the stored (rotated) refresh token works, and is replaced once more (the third call: the second was ours, above)
        assertThat(again).isInstanceOf(OAuthMailTokens.Ready.class);
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(3).last()
                .satisfies(call -> assertThat(call.parameters()).containsEntry("refresh_token", renewed.refreshToken().reveal()));
        assertThat(stored().refreshToken()).isNotIn(signedIn.refreshToken(), renewed.refreshToken());
        assertThat(integrations.get(ALICE, work).status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(notifier.notices()).isEmpty();
    }

    @Test
    @DisplayName("ten concurrent users of an expiring token: one renewal, all ten get the new token, the rotated refresh token is kept")
    void tenConcurrentUsers() {
        expiresIn(Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<OAuthMailTokens.Access>> users = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return tokens.current(ALICE, work);
                    }, pool)).toList();
            start.countDown();

            List<OAuthMailTokens.Access> got = users.stream().map(CompletableFuture::join).toList();

            assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
            assertThat(got).containsOnly(new OAuthMailTokens.Ready("alice@outlook.com", stored().accessToken()));
            assertThat(microsoft.accepts(stored().refreshToken().reveal())).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("one renewal at a time across Plugboards: while another holds the integration's row, a renewal waits, then uses what it stored")
    void renewalWaitsForAnotherPlugboard() throws Exception {
        expiresIn(Duration.ofSeconds(-10));
        ExecutorService one = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            // GIVEN another Plugboard is renewing this integration: it holds the row in its transaction
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from integration where id = ? for update")) {
                lock.setObject(1, work.value());
                lock.executeQuery();
            }

            // WHEN this Plugboard needs the token
            CompletableFuture<OAuthMailTokens.Access> waiting = CompletableFuture.supplyAsync(() -> tokens.current(ALICE, work), one);

            // THEN it waits, without asking Microsoft
            Thread.sleep(1500);
            assertThat(waiting).isNotDone();
            assertThat(microsoft.tokenCalls("refresh_token")).isEmpty();

            // WHEN the other Plugboard stored its renewal (a fresh token) and committed
            OutlookSettings current = stored();
            try (PreparedStatement renew = other.prepareStatement("update integration set settings = jsonb_set(settings, "
                    + "'{accessTokenExpiresAt}', to_jsonb(?::text)) where id = ?")) {
                renew.setString(1, Instant.now().plus(Duration.ofHours(1)).toString());
                renew.setObject(2, work.value());
                renew.executeUpdate();
            }
            other.commit();

            // THEN this one goes on with what the other stored: no renewal of its own, no refresh token used twice
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(new OAuthMailTokens.Ready("alice@outlook.com",
                    current.accessToken()));
            assertThat(microsoft.tokenCalls("refresh_token")).isEmpty();
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    @DisplayName("two Plugboards renew one integration at the same moment: one asks Microsoft, the other waits for the row and uses the rotated token; the integration stays connected")
    void twoPlugboardsAtOnce() {
        // GIVEN the access token has expired, Microsoft takes a moment to answer, and a second Plugboard shares the database
        expiresIn(Duration.ofSeconds(-10));
        microsoft.delayTokenAnswers(Duration.ofMillis(700));
        OAuthMailTokens otherPlugboard = AnotherPlugboard.tokens(context);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            // WHEN both need the token at once
            CompletableFuture<OAuthMailTokens.Access> here = CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return tokens.current(ALICE, work);
            }, pool);
            CompletableFuture<OAuthMailTokens.Access> there = CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return otherPlugboard.current(ALICE, work);
            }, pool);
            start.countDown();

            OAuthMailTokens.Access gotHere = here.join();
            OAuthMailTokens.Access gotThere = there.join();

            // THEN Microsoft was asked once, with the refresh token signed in with, and both got the new access token
            OutlookSettings renewed = stored();
            OAuthMailTokens.Ready fresh = new OAuthMailTokens.Ready("alice@outlook.com", renewed.accessToken());
            assertThat(List.of(gotHere, gotThere)).containsOnly(fresh);
            assertThat(microsoft.tokenCalls("refresh_token")).as("renewals").singleElement().satisfies(call ->
                    assertThat(call.parameters()).containsEntry("refresh_token", signedIn.refreshToken().reveal()));
            // AND the stored refresh token is the rotated one, which Microsoft still accepts: nothing was dropped
            assertThat(renewed.refreshToken()).isNotEqualTo(signedIn.refreshToken());
            assertThat(microsoft.accepts(renewed.refreshToken().reveal())).isTrue();
            assertThat(integrations.get(ALICE, work).status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(notifier.notices()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: The refresh token has expired due to inactivity.\"}",
            "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS50173: The provided grant has expired due to it being revoked.\"}",
            "{\"error\":\"interaction_required\",\"error_description\":\"AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.\"}"})
    @DisplayName("Microsoft says the grant is gone: needs re-authentication, tokens dropped, exactly one notice with Reconnect, no retry loop")
    void grantGone(String answer) {
        expiresIn(Duration.ofSeconds(-10));
        microsoft.failNextTokenRequest(400, answer);

        // WHEN the token is asked for again and again, and the connection is checked twice
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.NeedsReauthentication.class);
        }
        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);
        checker.checkNow(ALICE, work);

        // THEN Microsoft was asked once, the tokens are gone, the status says what to do
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
        OutlookSettings dropped = stored();
        assertThat(dropped.hasTokens()).isFalse();
        assertThat(dropped.accessToken()).isNull();
        assertThat(dropped.address()).isEqualTo("alice@outlook.com");
        IntegrationView view = integrations.get(ALICE, work);
        assertThat(view.status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(view.statusReason()).contains("Microsoft no longer accepts Plugboard's access");
        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        // AND the owner is told exactly once (by the watch's notice, after the commit), with the same Reconnect as
        // Gmail's
        await().atMost(Duration.ofSeconds(5)).until(() -> !notifier.notices().isEmpty());
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.user()).isEqualTo(ALICE);
            assertThat(notice.message().text()).contains("**Work** (Outlook / Microsoft 365) needs you to sign in again:",
                    "Microsoft no longer accepts");
            List<Control> buttons = notice.message().rows().get(0).controls();
            assertThat(buttons).extracting(control -> ((Control.Button) control).label())
                    .containsExactly("Check now", "Reconnect", "Mute alerts");
            assertThat(((Control.Button) buttons.get(1)).id().encode()).isEqualTo("int:reauth:" + work);
        });
        // AND the notice is stored as delivered, once
        assertThat(jdbc.queryForList("select change, outcome from integration_notice where integration_id = ?", work.value()))
                .singleElement().isEqualTo(Map.of("change", "NEEDS_REAUTHENTICATION", "outcome", "DELIVERED"));
    }

    @Test
    @DisplayName("a 503 from the token endpoint: the tokens (and the refresh token) are kept, and the renewal waits before it tries again")
    void serviceUnavailable() {
        expiresIn(Duration.ofSeconds(-10));
        OutlookSettings before = stored();
        microsoft.failNextTokenRequest(503, "{\"error\":\"temporarily_unavailable\"}");

        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Unavailable.class);
        assertThat(stored()).isEqualTo(before);
        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Unavailable.class);
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
        assertThat(microsoft.accepts(before.refreshToken().reveal())).isTrue();

        clock.advance(Duration.ofSeconds(31));
        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Ready.class);
        assertThat(stored().refreshToken()).isNotEqualTo(before.refreshToken());
    }

    @Test
    @DisplayName("Microsoft refuses this Plugboard's expired client secret (AADSTS7000222): the tokens are kept, the person reads whose move it is, the log tells the operator what to do")
    void clientSecretExpired(CapturedOutput output) {
        // GIVEN the access token has expired, and the operator's client secret expired too
        expiresIn(Duration.ofSeconds(-10));
        OutlookSettings before = stored();
        microsoft.failNextTokenRequest(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: The "
                + "provided client secret keys for app '6f1c2b7e' are expired. Visit the Azure portal to create new keys "
                + "for your app.\",\"error_codes\":[7000222]}");

        // WHEN the connection is checked
        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);

        // THEN it is failing for now, in words, and nothing of the person's grant was dropped
        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.FAILING);
        assertThat(checked.result().message()).isEqualTo("Microsoft refused this Plugboard's own registration (its client "
                + "secret has expired), so Plugboard could not use your mailbox just now. Whoever runs this Plugboard has to "
                + "renew it; your access is kept, nothing to do on your side.");
        assertThat(stored()).isEqualTo(before);
        assertThat(microsoft.accepts(before.refreshToken().reveal())).isTrue();
        assertThat(notifier.notices()).isEmpty();
        // AND the operator's log says what to do, without Microsoft's text
        assertThat(output.getAll()).contains("ERROR", "because of this Plugboard's own client: Microsoft says its client "
                + "secret has expired (AADSTS7000222). Create a new client secret", "PLUGBOARD_MICROSOFT_CLIENT_SECRET")
                .doesNotContain("Visit the Azure portal");
        // AND a workflow reading mail meanwhile reads the same words (the backoff answers without asking Microsoft)
        MailException refused = catchThrowableOfType(MailException.class, () -> mail.recent(ALICE, work, "INBOX", 1));
        assertThat(refused.result().message()).isEqualTo(checked.result().message());
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);

        // WHEN the operator has set a new secret and the backoff has passed THEN the same grant works again
        clock.advance(Duration.ofSeconds(31));
        assertThat(checker.checkNow(ALICE, work).result().status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("check now: a renewed token, an XOAUTH2 login to Outlook's IMAP, and the inbox's counts")
    void checkNow() {
        outlook.deliver("alice@outlook.com", 2, 2);
        expiresIn(Duration.ofMinutes(1));

        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);

        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(checked.result().message()).isEqualTo("Connected as alice@outlook.com: INBOX 5 messages (3 unread).");
        assertThat(microsoft.tokenCalls("refresh_token")).hasSize(1);
    }

    @Test
    @DisplayName("check now after an administrator turned IMAP off: an error that says so, in words")
    void checkNowImapOff() {
        outlook.imapOff(true);

        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);

        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(checked.result().message()).isEqualTo("IMAP is turned off for this mailbox: your administrator can turn it on.");
        assertThat(integrations.get(ALICE, work).statusReason()).isEqualTo(checked.result().message());
    }

    private void expiresIn(Duration duration) {
        OutlookSettings current = stored();
        integrations.renewCredentials(ALICE, work, current.withTokens(current.accessToken(), current.refreshToken(),
                Instant.now().plus(duration), current.grantedScopes()));
    }

    private OutlookSettings stored() {
        return (OutlookSettings) integrations.settings(ALICE, work);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
