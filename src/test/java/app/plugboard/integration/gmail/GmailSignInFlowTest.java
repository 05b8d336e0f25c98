package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.oauthmail.SignInTokens;
import app.plugboard.workflow.WorkflowService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
        assertThat(stored.grantedScopes()).contains(GmailProvider.GMAIL_SCOPE);
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
}
