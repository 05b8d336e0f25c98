package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.Control;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.oauthmail.OAuthMailTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

@DisplayName("Gmail tokens over time")
class GmailTokensTest extends GmailSignInTestBase {

    @Autowired
    OAuthMailTokens tokens;
    @Autowired
    ConnectionChecker checker;

    IntegrationId work;
    GmailSettings signedIn;

    @BeforeEach
    void givenAliceConnectedGmail() {
        assertThat(signIn(new Browser(), linkFor(ALICE, "Work", null)).body()).contains("Connected as alice@gmail.com");
        work = integrations.list(ALICE).get(0).id();
        signedIn = stored();
        notifier.clear();
    }

    @Test
    @DisplayName("an access token that expires within five minutes is renewed before it expires; the refresh token stays")
    void renewsBeforeExpiry() {
        expiresIn(Duration.ofMinutes(2));

        OAuthMailTokens.Access access = tokens.current(ALICE, work);

        assertThat(google.tokenCalls("refresh_token")).singleElement()
                .satisfies(call -> assertThat(call.parameters()).containsEntry("refresh_token", signedIn.refreshToken().reveal()));
        GmailSettings renewed = stored();
        assertThat(access).isEqualTo(new OAuthMailTokens.Ready("alice@gmail.com", renewed.accessToken()));
        assertThat(renewed.accessToken()).isNotEqualTo(signedIn.accessToken());
        assertThat(renewed.accessTokenExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        // Google sends no new refresh token with a renewal: the stored one is kept
        assertThat(renewed.refreshToken()).isEqualTo(signedIn.refreshToken());
        assertThat(renewed.grantedScopes()).contains(GmailProvider.GMAIL_SCOPE);
        assertThat(integrations.get(ALICE, work).status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("a token that is still fresh is used as it is: Google is not asked")
    void freshTokenAsIs() {
        OAuthMailTokens.Access access = tokens.current(ALICE, work);

        assertThat(access).isEqualTo(new OAuthMailTokens.Ready("alice@gmail.com", signedIn.accessToken()));
        assertThat(google.tokenCalls("refresh_token")).isEmpty();
    }

    @Test
    @DisplayName("ten concurrent users of an expiring token: one renewal, and all ten get the new token")
    void tenConcurrentUsers() throws Exception {
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

            assertThat(google.tokenCalls("refresh_token")).hasSize(1);
            assertThat(got).containsOnly(new OAuthMailTokens.Ready("alice@gmail.com", stored().accessToken()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("invalid_grant: needs re-authentication, tokens dropped, exactly one notice with Reconnect, no retry loop")
    void invalidGrant() {
        expiresIn(Duration.ofSeconds(-10));
        google.failNextTokenRequest(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");

        // WHEN the token is asked for again and again, and the connection is checked twice
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.NeedsReauthentication.class);
        }
        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);
        checker.checkNow(ALICE, work);

        // THEN Google was asked once, the tokens are gone, the status says what to do
        assertThat(google.tokenCalls("refresh_token")).hasSize(1);
        GmailSettings dropped = stored();
        assertThat(dropped.hasTokens()).isFalse();
        assertThat(dropped.accessToken()).isNull();
        assertThat(dropped.googleAddress()).isEqualTo("alice@gmail.com");
        IntegrationView view = integrations.get(ALICE, work);
        assertThat(view.status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(view.statusReason()).contains("Google no longer accepts Plugboard's access");
        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        // AND the owner is told exactly once (by the watch's notice, after the commit), with a button that makes a
        // new link for the same integration
        await().atMost(Duration.ofSeconds(5)).until(() -> !notifier.notices().isEmpty());
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.user()).isEqualTo(ALICE);
            assertThat(notice.replyKey()).isNull();
            assertThat(notice.message().text()).contains("**Work** (Gmail) needs you to sign in again:",
                    "Google no longer accepts Plugboard's access");
            List<Control> buttons = notice.message().rows().get(0).controls();
            assertThat(buttons).extracting(control -> ((Control.Button) control).label())
                    .containsExactly("Check now", "Reconnect", "Mute alerts");
            assertThat(((Control.Button) buttons.get(1)).id().encode()).isEqualTo("int:reauth:" + work);
        });
        // AND the notice is stored as delivered, once
        assertThat(jdbc.queryForList("select change, outcome from integration_notice where integration_id = ?", work.value()))
                .singleElement().isEqualTo(java.util.Map.of("change", "NEEDS_REAUTHENTICATION", "outcome", "DELIVERED"));
    }

    @Test
    @DisplayName("a 503 from the token endpoint: the tokens are kept, and the renewal is tried again later, not at once")
    void serviceUnavailable(CapturedOutput output) {
        expiresIn(Duration.ofSeconds(-10));
        GmailSettings before = stored();
        google.failNextTokenRequest(503, "{\"error\":\"temporarily_unavailable\"}");

        // WHEN the renewal fails THEN the caller hears "not now", the tokens stay, and nobody is told to reconnect
        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Unavailable.class);
        assertThat(stored()).isEqualTo(before);
        assertThat(integrations.get(ALICE, work).status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(notifier.notices()).isEmpty();
        // AND an immediate second ask does not call Google again (backoff)
        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Unavailable.class);
        assertThat(checker.checkNow(ALICE, work).result().status()).isEqualTo(IntegrationStatus.FAILING);
        assertThat(google.tokenCalls("refresh_token")).hasSize(1);

        // WHEN the backoff (30 s after a first failure) has passed THEN the next ask renews it
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Unavailable.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.current(ALICE, work)).isInstanceOf(OAuthMailTokens.Ready.class);
        assertThat(google.tokenCalls("refresh_token")).hasSize(2);
        assertThat(stored().refreshToken()).isEqualTo(before.refreshToken());
        assertThat(output.getAll()).contains("Google did not renew the access token of integration " + work);
    }

    @Test
    @DisplayName("check now: a fresh token, an XOAUTH2 login, and the inbox's counts")
    void checkNow() {
        gmail.deliver("alice@gmail.com", 2, 2);
        expiresIn(Duration.ofMinutes(1));

        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);

        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(checked.result().message()).isEqualTo("Connected as alice@gmail.com: INBOX 5 messages (3 unread).");
        assertThat(google.tokenCalls("refresh_token")).hasSize(1);
        assertThat(checked.integration().status()).isEqualTo(IntegrationStatus.CONNECTED);
    }

    @Test
    @DisplayName("check now when Gmail refuses a token that has not expired: a renewal finds the grant revoked")
    void revokedBeforeExpiry() {
        gmail.refuseLogins(true);
        google.failNextTokenRequest(400, "{\"error\":\"invalid_grant\"}");

        ConnectionChecker.Checked checked = checker.checkNow(ALICE, work);

        assertThat(checked.result().status()).isEqualTo(IntegrationStatus.NEEDS_REAUTHENTICATION);
        assertThat(google.tokenCalls("refresh_token")).hasSize(1);
        assertThat(stored().hasTokens()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> notifier.notices().size() == 1);
    }

    private void expiresIn(Duration duration) {
        GmailSettings current = stored();
        integrations.renewCredentials(ALICE, work, new GmailSettings(current.googleAddress(), current.accessToken(),
                current.refreshToken(), Instant.now().plus(duration), current.grantedScopes()));
    }

    private GmailSettings stored() {
        return (GmailSettings) integrations.settings(ALICE, work);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
