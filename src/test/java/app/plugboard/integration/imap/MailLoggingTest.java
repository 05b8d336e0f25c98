package app.plugboard.integration.imap;

import static app.plugboard.integration.imap.ImapSecurity.IMPLICIT_TLS;
import static app.plugboard.integration.imap.ImapSecurity.STARTTLS;
import static app.plugboard.integration.imap.MailFixture.imap;
import static app.plugboard.integration.imap.MailFixture.withSmtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.net.TlsTrust;
import app.plugboard.testsupport.mail.ImapScripts;
import app.plugboard.testsupport.mail.ScriptedServer;
import app.plugboard.testsupport.mail.StartTlsFront;
import app.plugboard.testsupport.mail.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Mail logging: no password in any log line or protocol trace")
class MailLoggingTest {

    static final String USER = "alice@example.com";
    static final String PASSWORD = "Zebra-Sentinel-7731";
    static final String WRONG = "Wrong-Sentinel-4410";
    static final String OAUTH_USER = "bob@example.com";
    static TestMailServer mail;

    @BeforeAll
    static void startMail() {
        mail = TestMailServer.start();
        mail.user(USER, PASSWORD);
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    /** Every way a check can end, with the password (or a wrong one) sent wherever the server asks for it. */
    List<CheckResult> everyPath(boolean debug) throws Exception {
        ImapProperties usual = new ImapProperties(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofMillis(700),
                Duration.ofSeconds(3), debug);
        ImapProperties shortDeadline = new ImapProperties(Duration.ofSeconds(2), Duration.ofMillis(700),
                Duration.ofMillis(700), Duration.ofMillis(900), debug);
        Function<String, ImapSettings> tls = password -> imap(USER, password, "localhost", mail.imapsPort(), IMPLICIT_TLS);
        List<CheckResult> results = new ArrayList<>();
        try (MailFixture fixture = MailFixture.with(usual);
             MailFixture defaultTrust = MailFixture.with(usual, TlsTrust.jdkOnly());
             MailFixture deadline = MailFixture.with(shortDeadline);
             MailFixture blocked = MailFixture.loopbackBlocked();
             StartTlsFront imapFront = StartTlsFront.start(StartTlsFront.Mode.IMAP_STARTTLS, mail.imapPort());
             StartTlsFront smtpFront = StartTlsFront.start(StartTlsFront.Mode.SMTP_STARTTLS, mail.smtpPort());
             ScriptedServer silent = ScriptedServer.silent();
             ScriptedServer hangsUp = ScriptedServer.tls(ImapScripts.closeAfterCapability());
             ScriptedServer smtpLike = ScriptedServer.tls(ImapScripts.smtpGreeting());
             ScriptedServer tooMany = ScriptedServer.tls(ImapScripts.tooManyConnections());
             ScriptedServer bye = ScriptedServer.tls(ImapScripts.byeGreeting());
             ScriptedServer dribble = ScriptedServer.tls(ImapScripts.dribble(150));
             ScriptedServer smtpRefusing = ScriptedServer.tls(ImapScripts.smtpRefusingLogin())) {
            results.add(fixture.probe.check(withSmtp(tls.apply(PASSWORD), "localhost", mail.smtpsPort())));
            results.add(fixture.probe.check(withSmtp(imap(USER, PASSWORD, "localhost", imapFront.port(), STARTTLS),
                    "localhost", smtpFront.port())));
            results.add(fixture.probe.check(tls.apply(WRONG)));
            results.add(fixture.probe.check(imap("nobody@example.com", PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", ImapProbeTest.closedPort(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "imap.nowhere.test", 993, IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", silent.port(), STARTTLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", hangsUp.port(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", smtpLike.port(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", tooMany.port(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", bye.port(), IMPLICIT_TLS)));
            results.add(defaultTrust.probe.check(tls.apply(PASSWORD)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "mail.test", mail.imapsPort(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", mail.imapPort(), STARTTLS)));
            results.add(fixture.probe.check(imap(USER, PASSWORD, "localhost", mail.imapPort(), IMPLICIT_TLS)));
            results.add(deadline.probe.check(imap(USER, PASSWORD, "localhost", dribble.port(), IMPLICIT_TLS)));
            results.add(fixture.probe.check(withSmtp(tls.apply(PASSWORD), "localhost", smtpRefusing.port())));
            results.add(fixture.probe.check(withSmtp(tls.apply(PASSWORD), "localhost", mail.smtpPort())));
            results.add(blocked.probe.check(tls.apply(PASSWORD)));
        }
        return results;
    }

    @ParameterizedTest(name = "protocol trace {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("across every success and failure path, with the protocol trace off and on")
    void noPasswordAnywhere(boolean debug, CapturedOutput output) throws Exception {
        // WHEN every path runs
        List<CheckResult> results = everyPath(debug);

        // THEN they ended as they should (two successes, the rest failures)
        assertThat(results).extracting(CheckResult::status).filteredOn(IntegrationStatus.CONNECTED::equals).hasSize(2);
        assertThat(results).hasSize(19);
        // AND what was logged names the problems
        assertThat(output.getAll()).contains("LOGIN_REFUSED", "CERTIFICATE_UNTRUSTED", "NO_STARTTLS", "DEADLINE", "UNREACHABLE");
        // AND when the trace is on, it shows the conversation but leaves the logins out
        if (debug) {
            assertThat(output.getAll()).contains("CAPABILITY", "EHLO", "trace suppressed");
        }
        // AND no password shows, in any form it takes on the wire
        for (String password : List.of(PASSWORD, WRONG)) {
            assertThat(output.getAll()).doesNotContain(password)
                    .doesNotContain(base64(password))
                    .doesNotContain(base64("\0" + USER + "\0" + password))
                    .doesNotContain(base64(USER + "\0" + USER + "\0" + password))
                    .doesNotContain(base64("\0nobody@example.com\0" + password));
        }
        // AND no result carries it either
        assertThat(results).extracting(CheckResult::message).noneMatch(message -> message.contains(PASSWORD));
    }

    @ParameterizedTest(name = "protocol trace {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("XOAUTH2 (Gmail, Outlook): the access token shows in no form, accepted or refused, over IMAP and SMTP with STARTTLS")
    void noAccessTokenAnywhere(boolean debug, CapturedOutput output) throws Exception {
        // GIVEN a mailbox that accepts one access token over XOAUTH2
        String token = "EwBwA8l6-Token-Sentinel-5520";
        String wrongToken = "EwBwA8l6-Wrong-Sentinel-9913";
        mail.user(OAUTH_USER, token);
        ImapProperties properties = new ImapProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(10), debug);
        List<Throwable> refusals = new ArrayList<>();
        try (MailFixture fixture = MailFixture.with(properties);
             StartTlsFront smtpFront = StartTlsFront.start(StartTlsFront.Mode.SMTP_STARTTLS, mail.smtpPort())) {
            Function<String, Mailbox> mailbox = credential -> new Mailbox(OAUTH_USER, Secret.of(credential),
                    Mailbox.Credential.XOAUTH2, new Mailbox.Server("localhost", mail.imapsPort(), true),
                    new Mailbox.Server("localhost", smtpFront.port(), false), null);

            // WHEN it is read and sent through with the right token, then with a wrong one
            int messages = fixture.connector.imap(mailbox.apply(token), fixture.connector.deadlineFromNow(),
                    store -> store.getFolder("INBOX").getMessageCount());
            fixture.connector.smtp(mailbox.apply(token), fixture.connector.deadlineFromNow(), (session, transport) -> null);
            refusals.add(catchThrowable(() -> fixture.connector.imap(mailbox.apply(wrongToken), fixture.connector.deadlineFromNow(),
                    store -> store.getFolder("INBOX").getMessageCount())));
            refusals.add(catchThrowable(() -> fixture.connector.smtp(mailbox.apply(wrongToken), fixture.connector.deadlineFromNow(),
                    (session, transport) -> null)));
            assertThat(messages).isZero();
        }

        // THEN the right token worked, the wrong one was refused as a login (so it is renewed, not reported as broken)
        assertThat(refusals).allSatisfy(refusal -> assertThat(refusal).isInstanceOfSatisfying(MailException.class,
                refused -> assertThat(refused.loginRefused()).isTrue()));
        if (debug) {
            assertThat(output.getAll()).contains("CAPABILITY", "EHLO", "STARTTLS");
        }
        // AND neither token shows in the log, as it is or in the XOAUTH2 string sent on the wire
        for (String secret : List.of(token, wrongToken)) {
            assertThat(output.getAll()).doesNotContain(secret)
                    .doesNotContain(base64(secret))
                    .doesNotContain(base64("user=" + OAUTH_USER + "\u0001auth=Bearer " + secret + "\u0001\u0001"));
        }
        assertThat(refusals).extracting(Throwable::getMessage).allSatisfy(message -> assertThat(String.valueOf(message))
                .doesNotContain(token, wrongToken));
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
