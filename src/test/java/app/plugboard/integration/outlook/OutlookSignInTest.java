package app.plugboard.integration.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.gmail.Browser;
import app.plugboard.integration.oauthmail.MailSignInTestBase;
import app.plugboard.workflow.WorkflowService;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

@DisplayName("Outlook sign-in in the browser")
class OutlookSignInTest extends MailSignInTestBase {

    static final String CALLBACK = BASE + "/oauth2/callback/microsoft";
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/oauth2/connect/[A-Za-z0-9_-]{43}");

    @Autowired
    WorkflowService workflows;
    @Autowired
    ChatRouter router;

    @Test
    @DisplayName("a personal account: the address and the account come from the validated ID token; Outlook's scopes; listed as personal")
    void personalAccount() {
        // GIVEN alice@outlook.com signs in at Microsoft
        microsoft.signInAs(MicrosoftStandIn.Who.personal("alice@outlook.com"));

        // WHEN she follows her link
        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Home", null));

        // THEN she is connected, the preview counts her inbox over XOAUTH2 IMAP
        assertThat(done.body()).contains("Connected as alice@outlook.com", "INBOX 3 messages (1 unread)");
        IntegrationView home = integrations.list(ALICE).get(0);
        assertThat(home.type().displayName()).isEqualTo("Outlook / Microsoft 365");
        assertThat(home.summary()).isEqualTo("alice@outlook.com (personal account)");
        // AND what is stored is the ID token's account (personal tenant, object id) and Microsoft's grant
        OutlookSettings stored = (OutlookSettings) integrations.settings(ALICE, home.id());
        assertThat(stored.tenantId()).isEqualTo(MicrosoftStandIn.PERSONAL);
        assertThat(stored.objectId()).isEqualTo(MicrosoftStandIn.Who.personal("alice@outlook.com").objectId());
        assertThat(stored.personal()).isTrue();
        assertThat(stored.grantedScopes()).contains(OutlookProvider.IMAP_SCOPE, OutlookProvider.SMTP_SCOPE);
        assertThat(stored.refreshToken().reveal()).isEqualTo(lastTokenAnswer().get("refresh_token"));
        assertThat(jdbc.queryForObject("select settings->>'tenantId' from integration", String.class))
                .isEqualTo(MicrosoftStandIn.PERSONAL);
        // AND the chat says so
        assertThat(notifier.notices()).singleElement().satisfies(notice -> assertThat(notice.message().text())
                .isEqualTo("✅ **Home** (Outlook) is connected. Connected as alice@outlook.com: INBOX 3 messages (1 unread)."));
    }

    @Test
    @DisplayName("a work account whose ID token has no email: its sign-in name is the mailbox; listed as work or school")
    void workAccount() {
        microsoft.signInAs(MicrosoftStandIn.Who.work("bob@contoso.com"));
        outlook.deliver("bob@contoso.com", 12, 5);

        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", null));

        assertThat(done.body()).contains("Connected as bob@contoso.com", "INBOX 12 messages (5 unread)");
        IntegrationView work = integrations.list(ALICE).get(0);
        assertThat(work.summary()).isEqualTo("bob@contoso.com (work or school account)");
        OutlookSettings stored = (OutlookSettings) integrations.settings(ALICE, work.id());
        assertThat(stored.tenantId()).isEqualTo(MicrosoftStandIn.CONTOSO);
        assertThat(stored.personal()).isFalse();
    }

    static Stream<Arguments> refusalsAtMicrosoft() {
        return Stream.of(
                Arguments.of("consent_required", "AADSTS65001: The user or administrator has not consented to use the "
                        + "application with ID 'x' named 'Plugboard'.", "Your organisation's administrator must approve Plugboard first"),
                Arguments.of("access_denied", "AADSTS90094: The grant requires admin permission.",
                        "Your organisation's administrator must approve Plugboard first"),
                Arguments.of("access_denied", "AADSTS50020: User account 'mallory@fabrikam.com' from identity provider "
                        + "'live.com' does not exist in tenant 'Contoso'.", "This Microsoft account is not allowed by this Plugboard's settings"),
                Arguments.of("invalid_request", "AADSTS500200: User account 'alice@outlook.com' is a personal Microsoft "
                        + "account. Personal Microsoft accounts are not supported for this application.",
                        "This Microsoft account is not allowed by this Plugboard's settings"),
                Arguments.of("access_denied", "AADSTS65004: User declined to consent to access the app.",
                        "You did not allow Plugboard at Microsoft"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusalsAtMicrosoft")
    @DisplayName("Microsoft refuses at sign-in: the page and the chat say what to do in words, never the code's text; nothing stored")
    void refusedAtMicrosoft(String error, String description, String words) {
        // GIVEN Microsoft will send the browser back with this refusal
        microsoft.failNextAuthorization(error, description);

        // WHEN Alice follows her link
        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", null));

        // THEN the page says it in words, without Microsoft's own text
        assertThat(done.body()).contains(html(words)).doesNotContain("AADSTS", "Contoso", "declined to consent");
        assertThat(notifier.notices()).singleElement().satisfies(notice -> assertThat(notice.message().text())
                .startsWith("❌ **Work** (Outlook) was not connected: ").contains(words).doesNotContain("AADSTS"));
        // AND nothing was exchanged or stored
        assertThat(microsoft.tokenCalls("authorization_code")).isEmpty();
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("the token endpoint refuses the code because an administrator's approval is missing (AADSTS65001): the same words")
    void adminConsentAtTheTokenEndpoint() {
        microsoft.failNextTokenRequest(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS65001: The user or "
                + "administrator has not consented to use the application with ID 'x'. Send an interactive authorization "
                + "request for this user and resource.\",\"error_codes\":[65001]}");

        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", null));

        assertThat(done.body()).contains(html("Your organisation's administrator must approve Plugboard first"),
                "Microsoft Entra").doesNotContain("AADSTS");
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("the token endpoint refuses this Plugboard's expired client secret: the page says to tell whoever runs it; the log says what to renew")
    void clientSecretExpiredAtSignIn(CapturedOutput output) {
        microsoft.failNextTokenRequest(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: The "
                + "provided client secret keys for app 'x' are expired.\",\"error_codes\":[7000222]}");

        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", null));

        assertThat(done.body()).contains(html("This Plugboard's registration at Microsoft needs attention"),
                "Tell whoever runs this Plugboard").doesNotContain("AADSTS");
        assertThat(notifier.notices()).singleElement().satisfies(notice -> assertThat(notice.message().text())
                .startsWith("❌ **Work** (Outlook) was not connected: Microsoft refused this Plugboard's own registration"));
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(output.getAll()).contains("because of this Plugboard's own client: Microsoft says its client secret has "
                + "expired (AADSTS7000222)", "PLUGBOARD_MICROSOFT_CLIENT_SECRET");
    }

    @Test
    @DisplayName("IMAP turned off for the mailbox: 'IMAP is turned off for this mailbox: your administrator can turn it on'; nothing stored")
    void imapTurnedOff() {
        outlook.imapOff(true);

        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", null));

        assertThat(done.body()).contains("IMAP is turned off for this mailbox: your administrator can turn it on",
                "alice@outlook.com").doesNotContain("authenticated but not connected");
        assertThat(notifier.notices()).singleElement().satisfies(notice -> assertThat(notice.message().text())
                .contains("IMAP is turned off for this mailbox: your administrator can turn it on"));
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    static Stream<Arguments> idTokensThatDoNotAddUp() {
        return Stream.of(
                Arguments.of("a tenant (tid) that is not its issuer's", (Runnable) () -> microsoft.claimTenant(MicrosoftStandIn.CONTOSO),
                        "the ID token's issuer is not Microsoft's for its tenant (iss, tid)"),
                Arguments.of("another client's (aud)", (Runnable) microsoft::anotherAudienceNextTime,
                        "the ID token is for another client (aud)"),
                Arguments.of("another nonce than this sign-in sent", (Runnable) microsoft::forgeNonceNextTime,
                        "the ID token did not carry back the nonce this sign-in sent"),
                Arguments.of("changed after Microsoft signed it (its signature)", (Runnable) microsoft::tamperIdTokenNextTime,
                        "its signature does not verify against Microsoft's published keys"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTokensThatDoNotAddUp")
    @DisplayName("an ID token that does not add up is refused: nothing stored, the log says why without the token")
    void idTokenRefused(String what, Runnable tamper, String why, CapturedOutput output) {
        // GIVEN Microsoft's next ID token is wrong in one way
        tamper.run();

        // WHEN Alice signs in
        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", null));

        // THEN nothing is connected, and the operator can tell why
        assertThat(done.body()).contains("Microsoft did not complete the sign-in", "nothing was connected");
        assertThat(integrations.list(ALICE)).isEmpty();
        assertThat(output.getAll()).contains("Microsoft sign-in of Outlook link", "could not be completed", why);
        assertThat(output.getAll()).doesNotContain("mallory@outlook.com");
        assertThat(lastTokenAnswer().get("id_token")).isNotBlank();
        assertThat(output.getAll()).doesNotContain(lastTokenAnswer().get("id_token"));
    }

    @Test
    @DisplayName("re-authentication with the same account: same integration, new tokens, its workflows keep it; login_hint names the account")
    void reauthenticateSameAccount() {
        IntegrationView work = connected("Work");
        OutlookSettings before = (OutlookSettings) integrations.settings(ALICE, work.id());
        workflows.create(ALICE, "Digest", Set.of(work.id()));
        integrations.recordCheck(ALICE, work.id(), IntegrationStatus.NEEDS_REAUTHENTICATION, "revoked");

        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "ignored", work.id()));

        assertThat(done.body()).contains("Connected as alice@outlook.com", "Work is connected again");
        assertThat(microsoft.calls("authorize").get(1).parameters()).containsEntry("login_hint", "alice@outlook.com")
                .doesNotContainKey("prompt");
        assertThat(integrations.list(ALICE)).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(work.id());
            assertThat(view.status()).isEqualTo(IntegrationStatus.CONNECTED);
        });
        OutlookSettings after = (OutlookSettings) integrations.settings(ALICE, work.id());
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(workflows.usingIntegration(ALICE, work.id())).extracting(w -> w.name()).containsExactly("Digest");
    }

    @Test
    @DisplayName("re-authentication with another Microsoft account is refused: it stays connected as before, the row is untouched, Reconnect offered")
    void reauthenticateOtherAccountRefused() {
        // GIVEN Work is connected to alice@outlook.com
        IntegrationView work = connected("Work");
        Map<String, Object> rowBefore = integrationRow(work);
        notifier.clear();
        // AND at Microsoft she is signed in to her work account
        microsoft.signInAs(MicrosoftStandIn.Who.work("alice@contoso.com"));

        // WHEN she signs in again with it
        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", work.id()));

        // THEN the page refuses it, naming both accounts
        assertThat(done.body()).contains("That is another Microsoft account", "You signed in as alice@contoso.com",
                "Work is connected to alice@outlook.com");
        // AND the chat says Work stays as it was, with Reconnect (an Outlook button)
        assertThat(notifier.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.message().text()).startsWith("❌ **Work** (Outlook) stays connected as alice@outlook.com; "
                    + "nothing changed.");
            assertThat(notice.message().rows()).flatExtracting(ControlRow::controls).singleElement()
                    .isInstanceOfSatisfying(Control.Button.class, button -> {
                        assertThat(button.label()).isEqualTo("Reconnect");
                        assertThat(button.id().encode()).isEqualTo("outlook:reconnect:" + work.id());
                    });
        });
        // AND the stored integration is exactly as before
        assertThat(integrationRow(work)).isEqualTo(rowBefore);
    }

    @Test
    @DisplayName("the same address in another Microsoft account (another object id) is another account: refused")
    void sameAddressOtherAccount() {
        IntegrationView work = connected("Work");
        Map<String, Object> rowBefore = integrationRow(work);
        MicrosoftStandIn.Who alice = MicrosoftStandIn.Who.personal("alice@outlook.com");
        microsoft.signInAs(new MicrosoftStandIn.Who(alice.address(), alice.tenant(), "ffffffff-0000-0000-0000-000000000099", true));

        Browser.Visit done = signIn(new Browser(), linkFor("microsoft", ALICE, "Work", work.id()));

        assertThat(done.body()).contains("That is another Microsoft account");
        assertThat(integrationRow(work)).isEqualTo(rowBefore);
    }

    @Test
    @DisplayName("in the terminal: add type:outlook shows the link; once signed in, delete drops the tokens and says where to remove Plugboard's access (personal)")
    void terminalAddAndDeletePersonal() {
        // WHEN the terminal user asks for Outlook
        String added = TerminalDriver.converse(router, ALICE, "/integration add type:outlook label:Home");

        // THEN the link is shown, and following it connects the mailbox
        assertThat(added).contains("Connect Outlook: Home", "Microsoft's");
        Matcher link = LINK.matcher(added);
        assertThat(link.find()).isTrue();
        assertThat(signIn(new Browser(), link.group()).body()).contains("Connected as alice@outlook.com");
        IntegrationView home = integrations.list(ALICE).get(0);

        // WHEN it is deleted
        String deleted = TerminalDriver.converse(router, ALICE, "/integration delete integration:" + home.id(), "1");

        // THEN the answer says where to remove Plugboard's access, and the tokens are gone with the row
        assertThat(deleted).contains("Deleted Home.", "https://account.live.com/consent/Manage")
                .doesNotContain("myapps");
        assertThat(jdbc.queryForObject("select count(*) from integration", Integer.class)).isZero();
    }

    @Test
    @DisplayName("in the terminal: edit, Re-authenticate shows a link for the same account; it signs the same integration in again")
    void terminalReauthenticate() {
        // GIVEN Home is connected
        IntegrationView home = connected("Home");

        // WHEN the terminal user edits it and picks Re-authenticate
        String output = TerminalDriver.converse(router, ALICE, "/integration edit integration:Home", "2");

        // THEN the link says which account to sign in with
        assertThat(output).contains("[2] Re-authenticate", "Sign in again: Home", "sign in as alice@outlook.com", "Connect Outlook");
        Matcher link = LINK.matcher(output);
        assertThat(link.find()).isTrue();
        // AND following it signs the same integration in again, with new tokens
        OutlookSettings before = (OutlookSettings) integrations.settings(ALICE, home.id());
        assertThat(signIn(new Browser(), link.group()).body()).contains("Home is connected again");
        assertThat(integrations.list(ALICE)).extracting(IntegrationView::id).containsExactly(home.id());
        assertThat(((OutlookSettings) integrations.settings(ALICE, home.id())).refreshToken()).isNotEqualTo(before.refreshToken());
    }

    @Test
    @DisplayName("deleting a work or school account's integration says to remove Plugboard in My Apps or ask the administrator")
    void deleteWorkAccount() {
        microsoft.signInAs(MicrosoftStandIn.Who.work("bob@contoso.com"));
        IntegrationView work = connected("Work");

        String deleted = TerminalDriver.converse(router, ALICE, "/integration delete integration:" + work.id(), "1");

        assertThat(deleted).contains("Deleted Work.", "https://myapps.microsoft.com", "administrator")
                .doesNotContain("account.live.com");
        assertThat(integrations.list(ALICE)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private IntegrationView connected(String label) {
        assertThat(signIn(new Browser(), linkFor("microsoft", ALICE, label, null)).body()).contains("Connected as ");
        return integrations.list(ALICE).stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }

    /** As the pages show text: HTML-escaped. */
    private static String html(String text) {
        return text.replace("'", "&#39;");
    }

    private static Browser.Visit signIn(Browser browser, String link) {
        return browser.submit(browser.open(link));
    }

    private static Map<String, String> lastTokenAnswer() {
        var answers = microsoft.tokenAnswers();
        assertThat(answers).isNotEmpty();
        return answers.get(answers.size() - 1);
    }

    private Map<String, Object> integrationRow(IntegrationView view) {
        return jdbc.queryForMap("select label, status, settings::text, secrets, version from integration where id = ?",
                view.id().value());
    }
}
