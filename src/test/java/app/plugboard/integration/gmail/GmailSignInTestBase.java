package app.plugboard.integration.gmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.chat.Control;
import app.plugboard.chat.Message;
import app.plugboard.testsupport.CleanDatabase;
import org.jspecify.annotations.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * One Plugboard with Gmail sign-in against the stand-ins (no Discord sign-in, no chat transport:
 * notices are recorded), shared by the Gmail test classes that extend this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = GmailStandIns.QUIET_STAND_INS)
@CleanDatabase
@Import({GmailTestBeans.class, RecordingNotifier.class})
@ExtendWith(OutputCaptureExtension.class)
abstract class GmailSignInTestBase {

    static final UserId ALICE = new UserId(222_222_222_222_222_222L);
    static final UserId BOB = new UserId(333_333_333_333_333_333L);
    static final int PORT = GmailStandIns.freePort();
    static final String BASE = "http://localhost:" + PORT;

    static final GoogleStandIn google = GmailStandIns.google();
    static final GmailImapStandIn gmail = GmailStandIns.imap();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        GmailStandIns.register(registry, PORT, false);
    }

    @Autowired
    GmailSignIn connect;
    @Autowired
    IntegrationService integrations;
    @Autowired
    RecordingNotifier notifier;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GmailTestBeans.MovableClock clock;

    @BeforeEach
    void freshStandIns() {
        google.reset();
        gmail.reset();
        notifier.clear();
        clock.reset();
        gmail.deliver("alice@gmail.com", 3, 1);
    }

    /** After every test, whatever it did: no code, state, PKCE value or token in any log line. */
    @AfterEach
    void noSecretLogged(CapturedOutput output) {
        clock.reset();
        assertNoSecretIn(output.getAll());
    }

    static void assertNoSecretIn(String log) {
        Set<String> secrets = new HashSet<>(google.issuedSecrets());
        for (GoogleStandIn.Call call : google.calls()) {
            for (String name : List.of("state", "code", "code_verifier", "code_challenge", "refresh_token", "token")) {
                String value = call.parameters().get(name);
                if (value != null && value.length() >= 16) {
                    secrets.add(value);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(secrets).as("codes, states and tokens of this JVM's sign-ins")
                .allSatisfy(secret -> org.assertj.core.api.Assertions.assertThat(log).doesNotContain(secret));
    }

    /** The Unicode format characters (bidi overrides, zero-width spaces...) in {@code text}, as code points. */
    static List<String> formatCharacters(String text) {
        return text.codePoints().filter(c -> Character.getType(c) == Character.FORMAT)
                .mapToObj(c -> String.format("U+%04X", c)).toList();
    }

    /** The link the chat would show {@code user} for a new integration, or to sign in again. */
    String linkFor(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        Message message = connect.connect(user, label, reauthenticate);
        return message.rows().get(0).controls().stream()
                .filter(Control.Link.class::isInstance).map(c -> ((Control.Link) c).url()).findFirst().orElseThrow();
    }

    /** Opens the link and confirms: the browser ends where Google sent it back and Plugboard redirected it. */
    Browser.Visit signIn(Browser browser, String link) {
        return browser.submit(browser.open(link));
    }
}
