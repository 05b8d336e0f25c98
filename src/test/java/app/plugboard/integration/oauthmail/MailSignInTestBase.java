package app.plugboard.integration.oauthmail;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.Control;
import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.gmail.GmailImapStandIn;
import app.plugboard.integration.gmail.GmailStandIns;
import app.plugboard.integration.gmail.GmailTestBeans;
import app.plugboard.integration.gmail.GoogleStandIn;
import app.plugboard.integration.gmail.RecordingNotifier;
import app.plugboard.integration.outlook.MicrosoftStandIn;
import app.plugboard.integration.outlook.OutlookMailStandIn;
import app.plugboard.integration.outlook.OutlookStandIns;
import app.plugboard.testsupport.CleanDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * One Plugboard with both mail sign-ins, Gmail and Outlook, against their stand-ins (no Discord sign-in, no
 * chat transport: notices are recorded), shared by every test class that extends this (one Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = GmailStandIns.QUIET_STAND_INS)
@CleanDatabase
@Import({GmailTestBeans.class, RecordingNotifier.class})
@ExtendWith(OutputCaptureExtension.class)
public abstract class MailSignInTestBase {

    protected static final UserId ALICE = new UserId(222_222_222_222_222_222L);
    protected static final UserId BOB = new UserId(333_333_333_333_333_333L);
    protected static final int PORT = GmailStandIns.freePort();
    protected static final String BASE = "http://localhost:" + PORT;

    protected static final GoogleStandIn google = GmailStandIns.google();
    protected static final GmailImapStandIn gmail = GmailStandIns.imap();
    protected static final MicrosoftStandIn microsoft = OutlookStandIns.microsoft();
    protected static final OutlookMailStandIn outlook = OutlookStandIns.mail();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        GmailStandIns.register(registry, PORT, false);
        OutlookStandIns.register(registry);
    }

    @Autowired
    protected IntegrationService integrations;
    @Autowired
    protected RecordingNotifier notifier;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected GmailTestBeans.MovableClock clock;
    @Autowired
    OAuthMailSignIn signIn;
    @Autowired
    MailProviders providers;

    @BeforeEach
    void freshStandIns() {
        google.reset();
        gmail.reset();
        microsoft.reset();
        outlook.reset();
        notifier.clear();
        clock.reset();
        gmail.deliver("alice@gmail.com", 3, 1);
        outlook.deliver("alice@outlook.com", 3, 1);
    }

    /** After every test, whatever it did: no code, state, PKCE value or token in any log line. */
    @AfterEach
    void noSecretLogged(CapturedOutput output) {
        clock.reset();
        assertNoSecretIn(output.getAll());
    }

    /** The client secrets, codes, states, PKCE values and tokens of both stand-ins: none may be in {@code log}. */
    public static void assertNoSecretIn(String log) {
        Set<String> secrets = new HashSet<>(google.issuedSecrets());
        secrets.addAll(microsoft.issuedSecrets());
        secrets.add(GmailStandIns.CLIENT_SECRET);
        secrets.add(OutlookStandIns.CLIENT_SECRET);
        List<Map<String, String>> parameters = new java.util.ArrayList<>();
        google.calls().forEach(call -> parameters.add(call.parameters()));
        microsoft.calls("authorize").forEach(call -> parameters.add(call.parameters()));
        microsoft.calls("token").forEach(call -> parameters.add(call.parameters()));
        for (Map<String, String> call : parameters) {
            for (String name : List.of("state", "code", "code_verifier", "code_challenge", "refresh_token", "token", "nonce",
                    "client_secret")) {
                String value = call.get(name);
                if (value != null && value.length() >= 16) {
                    secrets.add(value);
                }
            }
        }
        assertThat(secrets).as("codes, states and tokens of this JVM's sign-ins")
                .allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    /** The link the chat would show {@code user} to sign in at the provider of {@code registrationId}. */
    protected String linkFor(String registrationId, UserId user, String label, @Nullable IntegrationId reauthenticate) {
        Message message = signIn.connect(providers.byRegistration(registrationId).orElseThrow(), user, label, reauthenticate);
        return message.rows().get(0).controls().stream()
                .filter(Control.Link.class::isInstance).map(c -> ((Control.Link) c).url()).findFirst().orElseThrow();
    }
}
