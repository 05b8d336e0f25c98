package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.workflow.WorkflowService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

@DisplayName("Gmail sign-in in the browser")
class GmailSignInFlowTest extends GmailSignInTestBase {

    static final String CALLBACK = BASE + "/oauth2/callback/google";

    @Autowired
    WorkflowService workflows;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("confirm, consent, connected: stored for the Discord user who asked, tokens encrypted, the chat told")
    void connects() {
        // GIVEN Alice asked for a link in the chat
        String link = linkFor(ALICE, "Work", null);
        Browser browser = new Browser();

        // WHEN she opens it, confirms, and Google signs her in as alice@gmail.com
        Browser.Visit page = browser.open(link);
        assertThat(page.body()).contains("Connect a Gmail account to ", "Plugboard user " + ALICE, "Continue to Google");
        Browser.Visit done = browser.submit(page);

        // THEN the result page says so, and the code has left the address bar
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Connected as alice@gmail.com", "INBOX 3 messages (1 unread)", "close this tab");
        assertThat(done.finalAddress().toString()).startsWith(BASE + "/oauth2/result/").doesNotContain("code=");
        // AND the integration is hers, connected, with Google's tokens, stored encrypted
        List<IntegrationView> hers = integrations.list(ALICE);
        assertThat(hers).singleElement().satisfies(view -> {
            assertThat(view.label()).isEqualTo("Work");
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
        assertThat(integrations.list(BOB)).isEmpty();
        GmailSettings stored = (GmailSettings) integrations.settings(ALICE, hers.get(0).id());
        assertThat(stored.googleAddress()).isEqualTo("alice@gmail.com");
        assertThat(stored.grantedScopes()).contains(GmailConnectFlow.GMAIL_SCOPE);
        assertThat(google.issuedSecrets()).contains(stored.refreshToken().reveal(), stored.accessToken().reveal());
        String secrets = jdbc.queryForObject("select secrets from integration", String.class);
        assertThat(secrets).startsWith("pb1.").doesNotContain(stored.refreshToken().reveal(), stored.accessToken().reveal());
        // AND the chat's message under the link's reply key was told, naming the address
        String linksReplyKey = jdbc.queryForObject("select reply_key from oauth_link", String.class);
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.user()).isEqualTo(ALICE);
            assertThat(notice.replyKey()).isNotBlank().isEqualTo(linksReplyKey);
            assertThat(notice.message().text()).contains("**Work** (Gmail) is connected", "alice@gmail.com");
        });
        // AND no session was needed
        assertThat(browser.cookies()).extracting(HttpCookie::getName).doesNotContain("JSESSIONID");
    }

    @Test
    @DisplayName("every sign-in that ends is counted by provider and outcome: connected, cancelled at Google, a callback with an unknown state")
    void counted() {
        // GIVEN the counts so far
        double connected = signIns("google", "connected");
        double refused = signIns("google", "refused");
        double expired = signIns("google", "expired");

        // WHEN Alice connects, then cancels a second sign-in at Google, and a callback arrives with a state nobody issued
        signIn(new Browser(), linkFor(ALICE, "Work", null));
        Browser browser = new Browser();
        String state = query(signInUpToGoogle(browser, linkFor(ALICE, "Home", null))).get("state");
        browser.open(CALLBACK + "?error=access_denied&state=" + state);
        new Browser().open(CALLBACK + "?state=" + "A".repeat(43) + "&code=forged-code");

        // THEN each is counted once, under Google and its outcome
        assertThat(signIns("google", "connected")).isEqualTo(connected + 1);
        assertThat(signIns("google", "refused")).isEqualTo(refused + 1);
        assertThat(signIns("google", "expired")).isEqualTo(expired + 1);
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::label).containsExactly("Work");
    }

    private double signIns(String provider, String outcome) {
        Counter counter = meters.find("plugboard.sign.ins").tags("provider", provider, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @DisplayName("the link names nothing secret, opens a confirmation that uses nothing up, and works once")
    void linkWorksOnce() {
        String link = linkFor(ALICE, "Work", null);
        assertThat(link).matches(BASE + "/oauth2/connect/[A-Za-z0-9_-]{43}").doesNotContain(ALICE.toString(), "Work");
        Browser browser = new Browser();

        // WHEN it is opened twice THEN both show the question
        assertThat(browser.open(link).body()).contains("Continue to Google");
        Browser.Visit page = browser.open(link);
        assertThat(page.body()).contains("Continue to Google");

        // WHEN it is confirmed THEN it is used up: the page and a second confirmation say it expired
        browser.submitOnly(page);
        Browser.Visit again = browser.open(link);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("This link has expired");
        assertThat(browser.submit(page).body()).contains("This link has expired");
        assertThat(jdbc.queryForObject("select count(*) from oauth_state", Integer.class)).as("redirects started").isEqualTo(1);
    }

    @Test
    @DisplayName("a confirmation posted without the page's CSRF token (a cross-site form) is refused and uses nothing up")
    void crossSitePost() throws Exception {
        String link = linkFor(ALICE, "Work", null);

        String response = raw("POST " + URI.create(link).getPath() + " HTTP/1.1\r\nHost: localhost:" + PORT + "\r\n"
                + "Origin: https://attacker.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(new Browser().open(link).body()).contains("Continue to Google");
        assertThat(jdbc.queryForObject("select count(*) from oauth_state", Integer.class)).isZero();
    }

    @Test
    @DisplayName("an unknown state: the expired page, no token exchange, nothing stored")
    void unknownState() {
        Browser browser = new Browser();
        signInUpToGoogle(browser, linkFor(ALICE, "Work", null));

        Browser.Visit visit = browser.open(CALLBACK + "?state=" + "A".repeat(43) + "&code=forged-code");

        assertThat(visit.status()).isEqualTo(404);
        assertThat(visit.body()).contains("This link has expired");
        assertThat(visit.finalAddress().toString()).isEqualTo(BASE + "/oauth2/expired");
        assertThat(google.tokenCalls("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a replayed callback: the state is used up, so the replay gets the expired page and changes nothing")
    void replayedState() {
        Browser browser = new Browser();
        URI callback = browser.redirectOf(signInUpToGoogle(browser, linkFor(ALICE, "Work", null)));
        assertThat(browser.open(callback.toString()).body()).contains("Connected as alice@gmail.com");
        IntegrationView connected = integrations.list(ALICE).get(0);

        Browser.Visit replay = browser.open(callback.toString());

        assertThat(replay.body()).contains("This link has expired");
        assertThat(google.tokenCalls("authorization_code")).hasSize(1);
        assertThat(integrations.list(ALICE)).containsExactly(connected);
    }

    @Test
    @DisplayName("an expired state: the expired page, no token exchange, nothing stored")
    void expiredState() {
        Browser browser = new Browser();
        URI atGoogle = signInUpToGoogle(browser, linkFor(ALICE, "Work", null));
        // GIVEN ten minutes passed at Google
        jdbc.update("update oauth_state set expires_at = now() - interval '1 second'");

        Browser.Visit visit = browser.open(atGoogle.toString());

        assertThat(visit.body()).contains("This link has expired");
        assertThat(google.tokenCalls("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("two callbacks with one state at the same moment: one token exchange, one integration")
    void parallelCallbacks() throws Exception {
        Browser browser = new Browser();
        URI callback = browser.redirectOf(signInUpToGoogle(browser, linkFor(ALICE, "Work", null)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<String> pages;
        try {
            List<CompletableFuture<Browser.Visit>> both = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return browser.open(callback.toString());
                    }, two)).toList();
            start.countDown();
            pages = both.stream().map(CompletableFuture::join).map(Browser.Visit::body).toList();
        } finally {
            two.shutdownNow();
        }

        assertThat(pages).filteredOn(page -> page.contains("Connected as alice@gmail.com")).hasSize(1);
        assertThat(pages).filteredOn(page -> page.contains("This link has expired")).hasSize(1);
        assertThat(google.tokenCalls("authorization_code")).hasSize(1);
        assertThat(integrations.list(ALICE)).hasSize(1);
    }

    @Test
    @DisplayName("a code from another flow (with this flow's state) is refused: its PKCE verifier does not match")
    void codeFromAnotherFlow() {
        // GIVEN two sign-ins in two browsers, both at the point where Google sends them back
        Browser first = new Browser();
        URI firstCallback = first.redirectOf(signInUpToGoogle(first, linkFor(ALICE, "Work", null)));
        Browser second = new Browser();
        URI secondCallback = second.redirectOf(signInUpToGoogle(second, linkFor(ALICE, "Home", null)));

        // WHEN the first browser comes back with its own state but the other flow's code
        Browser.Visit visit = first.open(CALLBACK + "?state=" + query(firstCallback).get("state")
                + "&code=" + URLEncoder.encode(query(secondCallback).get("code"), StandardCharsets.UTF_8));

        // THEN Google refused the exchange, nothing was stored, and the person is told to start again
        assertThat(visit.body()).contains("Google did not complete the sign-in", "nothing was connected");
        assertThat(google.tokenCalls("authorization_code")).singleElement()
                .satisfies(call -> assertThat(call.parameters().get("code")).isEqualTo(query(secondCallback).get("code")));
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(notifier.notices()).singleElement()
                .satisfies(notice -> assertThat(notice.message().text()).contains("was not connected"));
    }

    @Test
    @DisplayName("PKCE S256 every time: a fresh challenge per flow, and the verifier sent to the token endpoint hashes to it")
    void pkce() throws Exception {
        signIn(new Browser(), linkFor(ALICE, "Work", null));
        signIn(new Browser(), linkFor(ALICE, "Home", null));

        List<GoogleStandIn.Call> authorizations = google.calls(GoogleStandIn.GOOGLE, "authorize");
        List<GoogleStandIn.Call> exchanges = google.tokenCalls("authorization_code");
        assertThat(authorizations).hasSize(2);
        assertThat(exchanges).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Map<String, String> asked = authorizations.get(i).parameters();
            assertThat(asked).containsEntry("code_challenge_method", "S256").containsEntry("access_type", "offline")
                    .containsEntry("prompt", "consent").containsEntry("response_type", "code")
                    .containsEntry("redirect_uri", CALLBACK);
            assertThat(Set.of(asked.get("scope").split(" "))).containsExactlyInAnyOrder("openid", "email", "https://mail.google.com/");
            assertThat(Base64.getUrlDecoder().decode(asked.get("state"))).hasSize(32);
            String verifier = exchanges.get(i).parameters().get("code_verifier");
            assertThat(verifier).hasSizeGreaterThanOrEqualTo(43);
            String hashed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            assertThat(hashed).isEqualTo(asked.get("code_challenge"));
            assertThat(exchanges.get(i).parameters()).containsEntry("redirect_uri", CALLBACK);
        }
        assertThat(authorizations.get(0).parameters().get("code_challenge"))
                .isNotEqualTo(authorizations.get(1).parameters().get("code_challenge"));
    }

    @Test
    @DisplayName("no refresh token from Google: not connected, and the page says what to do")
    void noRefreshToken() {
        google.omitRefreshTokenNextTime();

        Browser.Visit done = signIn(new Browser(), linkFor(ALICE, "Work", null));

        assertThat(done.body()).contains("Google gave no lasting access", "https://myaccount.google.com/permissions",
                "run the command in Discord again");
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(notifier.notices()).singleElement()
                .satisfies(notice -> assertThat(notice.message().text()).contains("**Work** (Gmail) was not connected"));
    }

    @Test
    @DisplayName("Gmail's scope unticked on the consent screen: not connected, and the page says to leave every box ticked")
    void gmailScopeUnticked() {
        google.grantOnly("openid email");
        int connectionsBefore = gmail.connections();

        Browser.Visit done = signIn(new Browser(), linkFor(ALICE, "Work", null));

        assertThat(done.body()).contains("Gmail access was not allowed", "leave every box ticked");
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(gmail.connections()).as("no IMAP login was tried").isEqualTo(connectionsBefore);
    }

    @Test
    @DisplayName("cancelled at Google (error=access_denied): not connected, the state is used up")
    void deniedAtGoogle() {
        Browser browser = new Browser();
        URI atGoogle = signInUpToGoogle(browser, linkFor(ALICE, "Work", null));
        String state = query(atGoogle).get("state");

        Browser.Visit visit = browser.open(CALLBACK + "?error=access_denied&state=" + state);

        assertThat(visit.body()).contains("You did not allow Plugboard at Google");
        assertThat(browser.open(CALLBACK + "?code=late&state=" + state).body()).contains("This link has expired");
        assertThat(google.tokenCalls("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("a callback in another browser than the one that confirmed is refused (the state is bound to the browser)")
    void otherBrowser() {
        URI callback = new Browser().redirectOf(signInUpToGoogle(new Browser(), linkFor(ALICE, "Work", null)));

        Browser.Visit visit = new Browser().open(callback.toString());

        assertThat(visit.body()).contains("This link has expired");
        assertThat(google.tokenCalls("authorization_code")).isEmpty();
    }

    @Test
    @DisplayName("Gmail's IMAP refuses the token: not connected, the page says why")
    void imapRefused() {
        gmail.refuseLogins(true);

        Browser.Visit done = signIn(new Browser(), linkFor(ALICE, "Work", null));

        assertThat(done.body()).contains("Gmail refused the sign-in");
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("re-authentication with the same account: same integration, new tokens, its workflows keep it")
    void reauthenticateSameAccount() {
        IntegrationView work = connectedAs("alice@gmail.com", "Work");
        GmailSettings before = (GmailSettings) integrations.settings(ALICE, work.id());
        workflows.create(ALICE, "Digest", Set.of(work.id()));
        integrations.recordCheck(ALICE, work.id(), IntegrationStatus.NEEDS_REAUTHENTICATION, "revoked");

        Browser.Visit done = signIn(new Browser(), linkFor(ALICE, "ignored", work.id()));

        assertThat(done.body()).contains("Connected as alice@gmail.com", "Work is connected again");
        assertThat(google.calls(GoogleStandIn.GOOGLE, "authorize").get(1).parameters()).containsEntry("login_hint", "alice@gmail.com");
        assertThat(integrations.list(ALICE)).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(work.id());
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
        GmailSettings after = (GmailSettings) integrations.settings(ALICE, work.id());
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(workflows.usingIntegration(ALICE, work.id())).extracting(w -> w.name()).containsExactly("Digest");
    }

    @Test
    @DisplayName("re-authentication with another Google account is refused: the chat says it stays connected as before, the row is untouched, the other account's grant is given back")
    void reauthenticateOtherAccountRefused() {
        // GIVEN Work is connected to alice@gmail.com
        IntegrationView work = connectedAs("alice@gmail.com", "Work");
        GmailSettings before = (GmailSettings) integrations.settings(ALICE, work.id());
        Map<String, Object> rowBefore = integrationRow(work);
        notifier.clear();
        google.signInAs("mallory@gmail.com");

        // WHEN signing in again, she picks mallory@gmail.com at Google
        Browser.Visit done = signIn(new Browser(), linkFor(ALICE, "Work", work.id()));

        // THEN the page refuses it
        assertThat(done.body()).contains("That is another Google account", "You signed in as mallory@gmail.com",
                "Work is connected to alice@gmail.com");
        // AND the chat says Work stays as it was (not "was not connected"), with Reconnect
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.message().text()).contains("**Work** (Gmail) stays connected as alice@gmail.com; nothing changed.")
                    .doesNotContain("was not connected");
            assertThat(notice.message().rows()).flatExtracting(ControlRow::controls).singleElement()
                    .isInstanceOfSatisfying(Control.Button.class, button -> assertThat(button.label()).isEqualTo("Reconnect"));
        });
        // AND the stored integration is exactly as before: same tokens, same version
        assertThat(integrations.settings(ALICE, work.id())).isEqualTo(before);
        assertThat(integrationRow(work)).isEqualTo(rowBefore);
        // AND mallory's new grant is given back to Google at once
        assertRevokedOnly(lastTokenAnswer().get("refresh_token"));
    }

    @Test
    @DisplayName("re-authentication of the same account refused by IMAP: the chat says it still needs signing in again, nothing changed, nothing revoked")
    void reauthenticationRefusedByImap(CapturedOutput output) {
        // GIVEN Work needs re-authentication
        IntegrationView work = connectedAs("alice@gmail.com", "Work");
        integrations.recordCheck(ALICE, work.id(), IntegrationStatus.NEEDS_REAUTHENTICATION, "revoked");
        Map<String, Object> rowBefore = integrationRow(work);
        notifier.clear();
        gmail.refuseLogins(true);

        // WHEN Alice signs in again as alice@gmail.com and Gmail's IMAP refuses the new token
        assertThat(signIn(new Browser(), linkFor(ALICE, "Work", work.id())).body()).contains("Gmail refused the sign-in");

        // THEN the chat says Work is as it was, the row is untouched, and the grant (Work's own account) is not revoked
        assertThat(notifier.notices()).singleElement().satisfies(notice -> assertThat(notice.message().text())
                .startsWith("❌ **Work** (Gmail) still needs you to sign in again as alice@gmail.com; nothing changed.")
                .doesNotContain("was not connected"));
        assertThat(integrationRow(work)).isEqualTo(rowBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("not given back to Google"));
        assertThat(google.calls(GoogleStandIn.GOOGLE, "revoke")).isEmpty();
    }

    @Test
    @DisplayName("no refresh token: the access token Google gave is revoked at once")
    void noRefreshTokenRevoked() {
        google.omitRefreshTokenNextTime();

        assertThat(signIn(new Browser(), linkFor(ALICE, "Work", null)).body()).contains("Google gave no lasting access");

        assertRevokedOnly(lastTokenAnswer().get("access_token"));
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("Gmail's scope unticked: the new grant is revoked at once")
    void scopeUntickedRevoked() {
        google.grantOnly("openid email");

        assertThat(signIn(new Browser(), linkFor(ALICE, "Work", null)).body()).contains("Gmail access was not allowed");

        assertRevokedOnly(lastTokenAnswer().get("refresh_token"));
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("Gmail's IMAP refuses the token: the new grant is revoked at once")
    void imapRefusedRevoked() {
        gmail.refuseLogins(true);

        assertThat(signIn(new Browser(), linkFor(ALICE, "Work", null)).body()).contains("Gmail refused the sign-in");

        assertRevokedOnly(lastTokenAnswer().get("refresh_token"));
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("the label was taken meanwhile: not connected, and the new grant is revoked at once")
    void labelTakenMeanwhileRevoked() {
        // GIVEN a link for "Work", and meanwhile Alice added another integration labelled "work"
        String link = linkFor(ALICE, "Work", null);
        integrations.create(ALICE, "work", app.plugboard.testsupport.SampleSettings.imap("pw"));

        Browser.Visit done = signIn(new Browser(), link);

        assertThat(done.body()).contains("Not connected", "You already have an integration labelled");
        assertRevokedOnly(lastTokenAnswer().get("refresh_token"));
        assertThat(integrations.list(ALICE)).singleElement().satisfies(view -> assertThat(view.type().id()).isEqualTo("IMAP"));
    }

    @ParameterizedTest(name = "email_verified: {0}")
    @NullSource
    @ValueSource(booleans = false)
    @DisplayName("an address Google has not verified is refused with a clear message, and the grant is revoked at once")
    void unverifiedAddressRefused(Boolean verified) {
        google.emailVerified(verified);

        Browser.Visit done = signIn(new Browser(), linkFor(ALICE, "Work", null));

        assertThat(done.body()).contains("Google has not verified this address", "alice@gmail.com", "nothing was connected");
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(notifier.notices()).singleElement()
                .satisfies(notice -> assertThat(notice.message().text()).contains("**Work** (Gmail) was not connected"));
        assertRevokedOnly(lastTokenAnswer().get("refresh_token"));
    }

    @Test
    @DisplayName("a refused sign-in of an account that another integration uses is not revoked: that would end the other's access too")
    void refusedButAccountInUseNotRevoked(CapturedOutput output) {
        // GIVEN alice@gmail.com is connected as Work
        IntegrationView work = connectedAs("alice@gmail.com", "Work");
        Map<String, Object> rowBefore = integrationRow(work);
        gmail.refuseLogins(true);

        // WHEN the same account is connected again as Home, and Gmail refuses it
        assertThat(signIn(new Browser(), linkFor(ALICE, "Home", null)).body()).contains("Gmail refused the sign-in");

        // THEN nothing is revoked (Google ends an account's whole grant to Plugboard), Work is untouched, the log says why
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("not given back to Google"));
        assertThat(google.calls(GoogleStandIn.GOOGLE, "revoke")).isEmpty();
        assertThat(integrationRow(work)).isEqualTo(rowBefore);
    }

    @Test
    @DisplayName("a label stored before formatting characters were refused shows on the pages without them")
    void storedLabelWithFormattingCharacter() {
        // GIVEN a connected integration whose label (from before the rule) starts with a right-to-left override
        IntegrationView work = connectedAs("alice@gmail.com", "Work");
        jdbc.update("update integration set label = ? where id = ?", "\u202EkroW", work.id().value());

        // WHEN its owner signs in again
        Browser browser = new Browser();
        Browser.Visit page = browser.open(linkFor(ALICE, "ignored", work.id()));
        Browser.Visit done = browser.submit(page);

        // THEN both pages show the label as plain text, without the override
        assertThat(page.body()).contains("for <strong>kroW</strong>.");
        assertThat(done.body()).contains("kroW is connected again");
        assertThat(formatCharacters(page.body())).isEmpty();
        assertThat(formatCharacters(done.body())).isEmpty();
    }

    @Test
    @DisplayName("the redirect URI comes from PLUGBOARD_PUBLIC_URL, whatever Host the request names")
    void forgedHost() throws Exception {
        String link = linkFor(ALICE, "Work", null);
        Browser browser = new Browser();
        Browser.Visit page = browser.open(link);
        String csrfCookie = browser.cookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().getValue();

        // WHEN the confirmation is posted with a forged Host (and forwarded-host headers)
        String body = "_csrf=" + URLEncoder.encode(Browser.csrfToken(page), StandardCharsets.UTF_8);
        String response = raw("POST " + URI.create(link).getPath() + " HTTP/1.1\r\n"
                + "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n"
                + "Origin: http://evil.example\r\nCookie: XSRF-TOKEN=" + csrfCookie + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body);

        // THEN Google is asked to send the browser back to the configured address only
        String location = response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .orElseThrow(() -> new AssertionError(response)).substring(9).trim();
        assertThat(query(URI.create(location)).get("redirect_uri")).isEqualTo(CALLBACK);
        assertThat(location).doesNotContain("evil.example");
    }

    @Test
    @DisplayName("the pages: no referrer, no caching, nothing from elsewhere; the rest of the web port stays closed")
    void pages() {
        Browser browser = new Browser();
        Browser.Visit confirmation = browser.open(linkFor(ALICE, "Work", null));
        Browser.Visit result = browser.submit(confirmation);
        Browser.Visit expired = browser.open(BASE + "/oauth2/expired");

        for (Browser.Visit visit : List.of(confirmation, result, expired)) {
            assertThat(visit.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(visit.header("Cache-Control")).isEqualTo("no-store");
            assertThat(visit.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-");
            assertThat(visit.body()).doesNotContain("src=", "href=", "<script");
        }
        assertThat(browser.responses()).filteredOn(r -> r.uri().toString().startsWith(BASE))
                .allSatisfy(r -> {
                    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
                    assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
                });
        for (String path : List.of("/", "/oauth2/authorization/google", "/login/oauth2/code/google", "/oauth2/connect",
                "/oauth2/callback/elsewhere", "/actuator/env", "/error")) {
            HttpResponse<String> denied = browser.fetch(BASE + path);
            assertThat(denied.statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("a flood of sign-in requests that wait on the database cannot take the chat's connections; the extra ones get 503")
    void floodLeavesTheChatItsConnections() throws Exception {
        // GIVEN the sign-in tables are locked, so every sign-in request that reads them waits (as on a slow database)
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> flood;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table oauth_link in access exclusive mode");

            // WHEN more sign-in pages are requested at once than the whole pool has connections
            flood = java.util.stream.IntStream.range(0, 16).mapToObj(i -> http.sendAsync(
                    HttpRequest.newBuilder(URI.create(BASE + "/oauth2/connect/" + SignInTokens.random()))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())).toList();
            Thread.sleep(500);

            // THEN the chat still gets a connection at once and answers
            long started = System.nanoTime();
            assertThat(integrations.list(ALICE)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            // AND the requests that find the web port's few connections taken are told "busy" without waiting long
            await().atMost(Duration.ofSeconds(10)).until(() -> flood.stream()
                    .anyMatch(answer -> answer.isDone() && answer.join().statusCode() == 503));
            // AND health, which checks the database on the web port's connections too, says DOWN (503), nothing more
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(BASE + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
            lock.rollback();
        }

        // AND once the lock is gone every request has its answer: "busy" with Retry-After, or the page
        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(404, 503).contains(503);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503).allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("Plugboard is busy").doesNotContain("Exception");
        });
        // AND once the database answers again, so does the web port
        assertThat(new Browser().open(linkFor(ALICE, "Work", null)).body()).contains("Continue to Google");
        assertThat(new Browser().fetch(BASE + "/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    @DisplayName("the failure paths log what happened, and never a code, state, PKCE value or token")
    void noSecretInTheLog(CapturedOutput output) {
        // unknown state, a replayed callback, a code from another flow, a cancelled consent
        Browser browser = new Browser();
        browser.open(CALLBACK + "?state=" + "B".repeat(43) + "&code=forged-code-0123456789");
        URI callback = browser.redirectOf(signInUpToGoogle(browser, linkFor(ALICE, "Work", null)));
        browser.open(callback.toString());
        browser.open(callback.toString());
        Browser other = new Browser();
        URI first = other.redirectOf(signInUpToGoogle(other, linkFor(ALICE, "Home", null)));
        Browser third = new Browser();
        URI second = third.redirectOf(signInUpToGoogle(third, linkFor(ALICE, "Spare", null)));
        other.open(CALLBACK + "?state=" + query(first).get("state") + "&code="
                + URLEncoder.encode(query(second).get("code"), StandardCharsets.UTF_8));
        third.open(CALLBACK + "?error=access_denied&state=" + query(second).get("state"));
        // no refresh token, Gmail's scope unticked, IMAP refused
        google.omitRefreshTokenNextTime();
        signIn(new Browser(), linkFor(ALICE, "Again", null));
        google.grantOnly("openid email");
        signIn(new Browser(), linkFor(ALICE, "Again", null));
        google.grantOnly(null);
        gmail.refuseLogins(true);
        signIn(new Browser(), linkFor(ALICE, "Again", null));

        // THEN the log tells an operator what happened
        assertThat(output.getAll()).contains("could not be completed: invalid_grant", "connected");
        // AND holds none of the values that could be used by someone reading it
        assertThat(google.issuedSecrets()).isNotEmpty();
        assertNoSecretIn(output.getAll());
    }

    // ---------------------------------------------------------------- helpers

    /** Google's revocation endpoint was called once, soon, with exactly this token. */
    private static void assertRevokedOnly(String token) {
        assertThat(token).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !google.calls(GoogleStandIn.GOOGLE, "revoke").isEmpty());
        assertThat(google.calls(GoogleStandIn.GOOGLE, "revoke")).singleElement()
                .satisfies(call -> assertThat(call.parameters()).containsEntry("token", token));
    }

    private static Map<String, String> lastTokenAnswer() {
        List<Map<String, String>> answers = google.tokenAnswers();
        assertThat(answers).isNotEmpty();
        return answers.get(answers.size() - 1);
    }

    private Map<String, Object> integrationRow(IntegrationView view) {
        return jdbc.queryForMap("select label, status, settings::text, secrets, version from integration where id = ?",
                view.id().value());
    }

    /** Opens the link and confirms, stopping where Plugboard sends the browser to Google. */
    private static URI signInUpToGoogle(Browser browser, String link) {
        URI atGoogle = browser.submitOnly(browser.open(link));
        assertThat(atGoogle.toString()).startsWith(google.url(GoogleStandIn.GOOGLE, "authorize"));
        return atGoogle;
    }

    private IntegrationView connectedAs(String address, String label) {
        google.signInAs(address);
        assertThat(signIn(new Browser(), linkFor(ALICE, label, null)).body()).contains("Connected as " + address);
        return integrations.list(ALICE).stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            StringBuilder response = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                response.append(line).append('\n');
            }
            return response.toString();
        }
    }
}
