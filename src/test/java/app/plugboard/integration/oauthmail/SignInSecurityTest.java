package app.plugboard.integration.oauthmail;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Message;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.gmail.Browser;
import app.plugboard.integration.gmail.GoogleStandIn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security of the sign-in link and of each redirect's state, for every mail provider on the one OAuth
 * mail flow: the same checks, the same answers, whether Google or Microsoft is on the other side.
 */
@DisplayName("Mail sign-in's link and state, for Gmail and Outlook")
class SignInSecurityTest extends MailSignInTestBase {

    /**
     * One provider as these tests drive it.
     *
     * @param extra what its authorization request must carry besides the standard parameters
     */
    record Provider(String name, String registrationId, String providerName, String address, String authorizeUrl,
            Function<String, List<Map<String, String>>> tokenCalls, Supplier<List<Map<String, String>>> authorizations,
            Map<String, String> extra, Set<String> scopes, boolean nonce) {

        String callback() {
            return BASE + "/oauth2/callback/" + registrationId;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Provider> providers() {
        return Stream.of(
                new Provider("Gmail", "google", "Google", "alice@gmail.com", google.url(GoogleStandIn.GOOGLE, "authorize"),
                        grant -> google.tokenCalls(grant).stream().map(GoogleStandIn.Call::parameters).toList(),
                        () -> google.calls(GoogleStandIn.GOOGLE, "authorize").stream().map(GoogleStandIn.Call::parameters).toList(),
                        Map.of("access_type", "offline", "prompt", "consent"),
                        Set.of("openid", "email", "https://mail.google.com/"), false),
                new Provider("Outlook", "microsoft", "Microsoft", "alice@outlook.com", microsoft.url("common", "authorize"),
                        grant -> microsoft.tokenCalls(grant).stream().map(c -> c.parameters()).toList(),
                        () -> microsoft.calls("authorize").stream().map(c -> c.parameters()).toList(),
                        Map.of("prompt", "select_account"),
                        Set.of("openid", "email", "profile", "offline_access",
                                "https://outlook.office.com/IMAP.AccessAsUser.All", "https://outlook.office.com/SMTP.Send"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("confirm, consent, connected: stored for the Discord user who asked, tokens encrypted, the chat told")
    void connects(Provider provider) {
        // GIVEN Alice asked for a link in the chat
        String link = linkFor(provider.registrationId(), ALICE, "Work", null);
        Browser browser = new Browser();

        // WHEN she opens it, confirms, and the provider signs her in
        Browser.Visit page = browser.open(link);
        assertThat(page.body()).contains("account to ", "Plugboard user " + ALICE, "Continue to " + provider.providerName());
        Browser.Visit done = browser.submit(page);

        // THEN the result page says so, and the code has left the address bar
        assertThat(done.body()).contains("Connected as " + provider.address(), "INBOX 3 messages (1 unread)", "close this tab");
        assertThat(done.finalAddress().toString()).startsWith(BASE + "/oauth2/result/").doesNotContain("code=");
        // AND the integration is hers, connected, its tokens stored encrypted
        assertThat(integrations.list(ALICE)).singleElement().satisfies(view -> {
            assertThat(view.label()).isEqualTo("Work");
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(view.type().key()).isEqualTo(provider.name().toLowerCase(java.util.Locale.ROOT));
        });
        assertThat(integrations.list(BOB)).isEmpty();
        OAuthMailSettings stored = (OAuthMailSettings) integrations.settings(ALICE, integrations.list(ALICE).get(0).id());
        assertThat(stored.address()).isEqualTo(provider.address());
        assertThat(jdbc.queryForObject("select secrets from integration", String.class)).startsWith("pb1.")
                .doesNotContain(stored.refreshToken().reveal(), stored.accessToken().reveal());
        // AND the chat's message under the link's reply key was told
        String replyKey = jdbc.queryForObject("select reply_key from oauth_link", String.class);
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.user()).isEqualTo(ALICE);
            assertThat(notice.replyKey()).isEqualTo(replyKey);
            assertThat(notice.message().text()).contains("**Work** (" + provider.name() + ") is connected", provider.address());
        });
        assertThat(browser.cookies()).extracting(HttpCookie::getName).doesNotContain("JSESSIONID");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("the link names nothing secret, opens a confirmation that uses nothing up, and works once")
    void linkWorksOnce(Provider provider) {
        String link = linkFor(provider.registrationId(), ALICE, "Work", null);
        assertThat(link).matches(BASE + "/oauth2/connect/[A-Za-z0-9_-]{43}").doesNotContain(ALICE.toString(), "Work");
        Browser browser = new Browser();

        // WHEN it is opened twice THEN both show the question
        assertThat(browser.open(link).body()).contains("Continue to " + provider.providerName());
        Browser.Visit page = browser.open(link);
        assertThat(page.body()).contains("Continue to " + provider.providerName());

        // WHEN it is confirmed THEN it is used up: the page and a second confirmation say it expired
        browser.submitOnly(page);
        Browser.Visit again = browser.open(link);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("This link has expired");
        assertThat(browser.submit(page).body()).contains("This link has expired");
        assertThat(jdbc.queryForObject("select count(*) from oauth_state", Integer.class)).as("redirects started").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("the link lives ten minutes: the chat says so, and once they passed the page says it expired and nothing starts")
    void linkLivesTenMinutes(Provider provider) {
        // GIVEN Alice's link, whose message says how long it works
        Message shown = signIn.connect(providers.byRegistration(provider.registrationId()).orElseThrow(), ALICE, "Work", null);
        assertThat(shown.text()).contains("The link works once, for 10 minutes");
        String link = linkFor(provider.registrationId(), ALICE, "Work", null);
        assertThat(jdbc.queryForList("select extract(epoch from expires_at - created_at)::int from oauth_link", Integer.class))
                .containsOnly(600);

        // WHEN ten minutes have passed
        jdbc.update("update oauth_link set expires_at = now() - interval '1 second'");
        Browser browser = new Browser();
        Browser.Visit page = browser.open(link);

        // THEN the page says it expired, and nothing can start from it
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("This link has expired");
        assertThat(provider.authorizations().get()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from oauth_state", Integer.class)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("a confirmation posted without the page's CSRF token (a cross-site form) is refused and uses nothing up")
    void crossSitePost(Provider provider) throws Exception {
        String link = linkFor(provider.registrationId(), ALICE, "Work", null);

        String response = raw("POST " + URI.create(link).getPath() + " HTTP/1.1\r\nHost: localhost:" + PORT + "\r\n"
                + "Origin: https://attacker.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
        assertThat(new Browser().open(link).body()).contains("Continue to " + provider.providerName());
        assertThat(jdbc.queryForObject("select count(*) from oauth_state", Integer.class)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("an unknown state: the expired page, no token exchange, nothing stored")
    void unknownState(Provider provider) {
        Browser browser = new Browser();
        signInUpToProvider(provider, browser, linkFor(provider.registrationId(), ALICE, "Work", null));

        Browser.Visit visit = browser.open(provider.callback() + "?state=" + "A".repeat(43) + "&code=forged-code");

        assertThat(visit.status()).isEqualTo(404);
        assertThat(visit.body()).contains("This link has expired");
        assertThat(visit.finalAddress().toString()).isEqualTo(BASE + "/oauth2/expired");
        assertThat(provider.tokenCalls().apply("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("a state made for one provider is refused at the other's callback: the expired page, no token exchange")
    void stateOfTheOtherProvider(Provider provider) {
        // GIVEN a sign-in at this provider, sent back with its state and code
        Browser browser = new Browser();
        URI callback = browser.redirectOf(signInUpToProvider(provider, browser, linkFor(provider.registrationId(), ALICE,
                "Work", null)));
        String other = provider.registrationId().equals("google") ? "microsoft" : "google";

        // WHEN its state and code are brought to the other provider's callback
        Browser.Visit visit = browser.open(BASE + "/oauth2/callback/" + other + "?" + callback.getRawQuery());

        // THEN nothing is exchanged anywhere, and the state stays usable where it belongs
        assertThat(visit.body()).contains("This link has expired");
        assertThat(google.tokenCalls("authorization_code")).isEmpty();
        assertThat(microsoft.tokenCalls("authorization_code")).isEmpty();
        assertThat(browser.open(callback.toString()).body()).contains("Connected as " + provider.address());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("a replayed callback: the state is used up, so the replay gets the expired page and changes nothing")
    void replayedState(Provider provider) {
        Browser browser = new Browser();
        URI callback = browser.redirectOf(signInUpToProvider(provider, browser, linkFor(provider.registrationId(), ALICE,
                "Work", null)));
        assertThat(browser.open(callback.toString()).body()).contains("Connected as " + provider.address());
        IntegrationView connected = integrations.list(ALICE).get(0);

        Browser.Visit replay = browser.open(callback.toString());

        assertThat(replay.body()).contains("This link has expired");
        assertThat(provider.tokenCalls().apply("authorization_code")).hasSize(1);
        assertThat(integrations.list(ALICE)).containsExactly(connected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("an expired state: the expired page, no token exchange, nothing stored")
    void expiredState(Provider provider) {
        Browser browser = new Browser();
        URI atProvider = signInUpToProvider(provider, browser, linkFor(provider.registrationId(), ALICE, "Work", null));
        // GIVEN ten minutes passed at the provider
        jdbc.update("update oauth_state set expires_at = now() - interval '1 second'");

        Browser.Visit visit = browser.open(atProvider.toString());

        assertThat(visit.body()).contains("This link has expired");
        assertThat(provider.tokenCalls().apply("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("two callbacks with one state at the same moment: one token exchange, one integration")
    void parallelCallbacks(Provider provider) {
        Browser browser = new Browser();
        URI callback = browser.redirectOf(signInUpToProvider(provider, browser, linkFor(provider.registrationId(), ALICE,
                "Work", null)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<String> pages;
        try {
            List<CompletableFuture<Browser.Visit>> both = Stream.of(1, 2)
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

        assertThat(pages).filteredOn(page -> page.contains("Connected as " + provider.address())).hasSize(1);
        assertThat(pages).filteredOn(page -> page.contains("This link has expired")).hasSize(1);
        assertThat(provider.tokenCalls().apply("authorization_code")).hasSize(1);
        assertThat(integrations.list(ALICE)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("a code from another flow (with this flow's state) is refused: its PKCE verifier does not match")
    void codeFromAnotherFlow(Provider provider) {
        // GIVEN two sign-ins in two browsers, both at the point where the provider sends them back
        Browser first = new Browser();
        URI firstCallback = first.redirectOf(signInUpToProvider(provider, first, linkFor(provider.registrationId(), ALICE,
                "Work", null)));
        Browser second = new Browser();
        URI secondCallback = second.redirectOf(signInUpToProvider(provider, second, linkFor(provider.registrationId(), ALICE,
                "Home", null)));

        // WHEN the first browser comes back with its own state but the other flow's code
        Browser.Visit visit = first.open(provider.callback() + "?state=" + query(firstCallback).get("state")
                + "&code=" + URLEncoder.encode(query(secondCallback).get("code"), StandardCharsets.UTF_8));

        // THEN the provider refused the exchange, nothing was stored, and the person is told to start again
        assertThat(visit.body()).contains(provider.providerName() + " did not complete the sign-in", "nothing was connected");
        assertThat(provider.tokenCalls().apply("authorization_code")).singleElement()
                .satisfies(call -> assertThat(call.get("code")).isEqualTo(query(secondCallback).get("code")));
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(notifier.notices()).singleElement()
                .satisfies(notice -> assertThat(notice.message().text()).contains("was not connected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("PKCE S256 every time: a fresh challenge per flow, and the verifier sent to the token endpoint hashes to it")
    void pkce(Provider provider) throws Exception {
        for (String label : List.of("Work", "Home")) {
            Browser browser = new Browser();
            browser.submit(browser.open(linkFor(provider.registrationId(), ALICE, label, null)));
        }

        List<Map<String, String>> authorizations = provider.authorizations().get();
        List<Map<String, String>> exchanges = provider.tokenCalls().apply("authorization_code");
        assertThat(authorizations).hasSize(2);
        assertThat(exchanges).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Map<String, String> asked = authorizations.get(i);
            assertThat(asked).containsEntry("code_challenge_method", "S256").containsEntry("response_type", "code")
                    .containsEntry("redirect_uri", provider.callback()).containsAllEntriesOf(provider.extra());
            assertThat(Set.of(asked.get("scope").split(" "))).containsExactlyInAnyOrderElementsOf(provider.scopes());
            assertThat(Base64.getUrlDecoder().decode(asked.get("state"))).hasSize(32);
            if (provider.nonce()) {
                assertThat(Base64.getUrlDecoder().decode(asked.get("nonce"))).hasSize(32);
            } else {
                assertThat(asked).doesNotContainKey("nonce");
            }
            String verifier = exchanges.get(i).get("code_verifier");
            assertThat(verifier).hasSizeGreaterThanOrEqualTo(43);
            String hashed = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            assertThat(hashed).isEqualTo(asked.get("code_challenge"));
            assertThat(exchanges.get(i)).containsEntry("redirect_uri", provider.callback());
        }
        assertThat(authorizations.get(0).get("code_challenge")).isNotEqualTo(authorizations.get(1).get("code_challenge"));
        if (provider.nonce()) {
            assertThat(authorizations.get(0).get("nonce")).isNotEqualTo(authorizations.get(1).get("nonce"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("cancelled at the provider (error=access_denied): not connected, the state is used up")
    void denied(Provider provider) {
        Browser browser = new Browser();
        URI atProvider = signInUpToProvider(provider, browser, linkFor(provider.registrationId(), ALICE, "Work", null));
        String state = query(atProvider).get("state");

        Browser.Visit visit = browser.open(provider.callback() + "?error=access_denied&state=" + state);

        assertThat(visit.body()).contains("You did not allow Plugboard at " + provider.providerName());
        assertThat(browser.open(provider.callback() + "?code=late&state=" + state).body()).contains("This link has expired");
        assertThat(provider.tokenCalls().apply("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("a callback in another browser than the one that confirmed is refused (the state is bound to the browser)")
    void otherBrowser(Provider provider) {
        URI callback = new Browser().redirectOf(signInUpToProvider(provider, new Browser(),
                linkFor(provider.registrationId(), ALICE, "Work", null)));

        Browser.Visit visit = new Browser().open(callback.toString());

        assertThat(visit.body()).contains("This link has expired");
        assertThat(provider.tokenCalls().apply("authorization_code")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("the redirect URI comes from PLUGBOARD_PUBLIC_URL, whatever Host the request names")
    void forgedHost(Provider provider) throws Exception {
        String link = linkFor(provider.registrationId(), ALICE, "Work", null);
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

        // THEN the provider is asked to send the browser back to the configured address only
        String location = response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .orElseThrow(() -> new AssertionError(response)).substring(9).trim();
        assertThat(location).startsWith(provider.authorizeUrl());
        assertThat(query(URI.create(location)).get("redirect_uri")).isEqualTo(provider.callback());
        assertThat(location).doesNotContain("evil.example");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    @DisplayName("the pages: no referrer, no caching, nothing from elsewhere; the rest of the web port stays closed")
    void pages(Provider provider) {
        Browser browser = new Browser();
        Browser.Visit confirmation = browser.open(linkFor(provider.registrationId(), ALICE, "Work", null));
        Browser.Visit result = browser.submit(confirmation);
        Browser.Visit expired = browser.open(BASE + "/oauth2/expired");

        for (Browser.Visit visit : List.of(confirmation, result, expired)) {
            assertThat(visit.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(visit.header("Cache-Control")).isEqualTo("no-store");
            assertThat(visit.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-")
                    .contains("form-action 'self' ");
            assertThat(visit.body()).doesNotContain("src=", "href=", "<script");
        }
        assertThat(browser.responses()).filteredOn(r -> r.uri().toString().startsWith(BASE))
                .allSatisfy(r -> {
                    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
                    assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
                });
        for (String path : List.of("/", "/oauth2/authorization/" + provider.registrationId(),
                "/login/oauth2/code/" + provider.registrationId(), "/oauth2/connect", "/oauth2/callback/elsewhere",
                "/actuator/env", "/error")) {
            HttpResponse<String> denied = browser.fetch(BASE + path);
            assertThat(denied.statusCode()).as(path).isEqualTo(403);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Opens the link and confirms, stopping where Plugboard sends the browser to the provider. */
    private static URI signInUpToProvider(Provider provider, Browser browser, String link) {
        URI atProvider = browser.submitOnly(browser.open(link));
        assertThat(atProvider.toString()).startsWith(provider.authorizeUrl());
        return atProvider;
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
