package app.plugboard.integration.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.plugboard.chat.Form;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.integration.chat.FormPurpose;
import jakarta.mail.AuthenticationFailedException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The IMAP form and the provider presets")
class ImapFormsTest {

    final ImapForms forms = new ImapForms();

    static Map<String, String> typed(String username, String server, String port, String security) {
        Map<String, String> typed = new HashMap<>();
        typed.put(ImapForms.USERNAME, username);
        typed.put(ImapForms.PASSWORD, "app-password");
        typed.put(ImapForms.SERVER, server);
        typed.put(ImapForms.PORT, port);
        typed.put(ImapForms.SECURITY, security);
        return typed;
    }

    @Test
    @DisplayName("the server field is optional and says for which providers it may stay empty")
    void serverOptional() {
        Form.Text server = (Form.Text) forms.inputs(FormPurpose.ADD, null, Map.of()).stream()
                .filter(field -> field.key().equals(ImapForms.SERVER)).findFirst().orElseThrow();

        assertThat(server.required()).isFalse();
        assertThat(server.description()).isEqualTo("Leave empty for Gmail, Outlook, iCloud, Yahoo, Fastmail, GMX, Posteo, mailbox.org.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "alice@gmail.com,       imap.gmail.com,        smtp.gmail.com,        465",
            "alice@googlemail.com,  imap.gmail.com,        smtp.gmail.com,        465",
            "alice@outlook.com,     outlook.office365.com, smtp-mail.outlook.com, 587",
            "alice@hotmail.com,     outlook.office365.com, smtp-mail.outlook.com, 587",
            "alice@live.com,        outlook.office365.com, smtp-mail.outlook.com, 587",
            "alice@yahoo.com,       imap.mail.yahoo.com,   smtp.mail.yahoo.com,   465",
            "alice@icloud.com,      imap.mail.me.com,      smtp.mail.me.com,      587",
            "alice@me.com,          imap.mail.me.com,      smtp.mail.me.com,      587",
            "alice@fastmail.com,    imap.fastmail.com,     smtp.fastmail.com,     465",
            "alice@gmx.de,          imap.gmx.net,          mail.gmx.net,          465",
            "alice@gmx.net,         imap.gmx.net,          mail.gmx.net,          465",
            "alice@gmx.com,         imap.gmx.com,          mail.gmx.com,          465",
            "alice@posteo.de,       posteo.de,             posteo.de,             465",
            "alice@mailbox.org,     imap.mailbox.org,      smtp.mailbox.org,      465",
            "Alice@GMail.com,       imap.gmail.com,        smtp.gmail.com,        465"})
    @DisplayName("an address at a known provider with the server left empty gets the provider's servers")
    void presets(String address, String imapServer, String smtpServer, int smtpPort) {
        // WHEN the form is submitted with the server empty (port and security keep the form's defaults)
        ImapSettings settings = (ImapSettings) forms.parse(FormPurpose.ADD, typed(address, "", "993", "IMPLICIT_TLS"), null);

        // THEN the provider's IMAP and SMTP servers are filled in, and the settings are valid
        assertThat(settings).isEqualTo(new ImapSettings(address, Secret.of("app-password"), imapServer, 993,
                ImapSecurity.IMPLICIT_TLS, smtpServer, smtpPort));
        assertThat(settings.problems()).isEmpty();
    }

    @Test
    @DisplayName("the provider's port and security win over the form's defaults when its server is filled in")
    void presetPortAndSecurity() {
        ImapSettings settings = (ImapSettings) forms.parse(FormPurpose.ADD, typed("alice@gmail.com", "", "143", "STARTTLS"), null);

        assertThat(settings.port()).isEqualTo(993);
        assertThat(settings.security()).isEqualTo(ImapSecurity.IMPLICIT_TLS);
    }

    @Test
    @DisplayName("a typed server is kept as typed; a known provider's server brings its SMTP server along")
    void typedServer() {
        ImapSettings own = (ImapSettings) forms.parse(FormPurpose.ADD,
                typed("alice@gmail.com", "imap.example.com", "143", "STARTTLS"), null);
        ImapSettings customDomain = (ImapSettings) forms.parse(FormPurpose.ADD,
                typed("alice@alice.example", "imap.fastmail.com", "993", "IMPLICIT_TLS"), null);

        assertThat(own).isEqualTo(new ImapSettings("alice@gmail.com", Secret.of("app-password"), "imap.example.com", 143,
                ImapSecurity.STARTTLS, null, null));
        assertThat(customDomain.smtpServer()).isEqualTo("smtp.fastmail.com");
        assertThat(customDomain.smtpPort()).isEqualTo(465);
    }

    @Test
    @DisplayName("an unknown provider with the server left empty is refused, naming the server")
    void unknownProviderNeedsServer() {
        ImapSettings settings = (ImapSettings) forms.parse(FormPurpose.ADD, typed("alice@example.org", "", "993", "IMPLICIT_TLS"), null);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, settings::validate);
        assertThat(refused.problems()).extracting(InputProblem::key).containsExactly(ImapSettings.SERVER);
    }

    @Test
    @DisplayName("editing keeps the SMTP server while the IMAP server stays, and derives it again when it changes")
    void editKeepsSmtpWithItsServer() {
        ImapSettings stored = new ImapSettings("alice@example.com", Secret.of("old"), "imap.example.com", 993,
                ImapSecurity.IMPLICIT_TLS, "smtp.example.com", 587);

        ImapSettings samePlace = (ImapSettings) forms.parse(FormPurpose.REPLACE_CREDENTIALS,
                typed("alice@example.com", "imap.example.com", "993", "IMPLICIT_TLS"), stored);
        ImapSettings moved = (ImapSettings) forms.parse(FormPurpose.REPLACE_CREDENTIALS,
                typed("alice@example.com", "imap.fastmail.com", "993", "IMPLICIT_TLS"), stored);
        ImapSettings movedElsewhere = (ImapSettings) forms.parse(FormPurpose.REPLACE_CREDENTIALS,
                typed("alice@example.com", "mail.example.net", "993", "IMPLICIT_TLS"), stored);

        assertThat(samePlace.smtpServer()).isEqualTo("smtp.example.com");
        assertThat(samePlace.smtpPort()).isEqualTo(587);
        assertThat(moved.smtpServer()).isEqualTo("smtp.fastmail.com");
        assertThat(movedElsewhere.smtpServer()).isNull();
        assertThat(movedElsewhere.smtpPort()).isNull();
    }

    @Test
    @DisplayName("a refused login at a known provider carries its hint: app passwords, and no passwords at all for Outlook.com")
    void loginRefusedHints() {
        MailProblems problems = new MailProblems(ImapProperties.defaults());
        ImapSettings gmail = (ImapSettings) forms.parse(FormPurpose.ADD, typed("alice@gmail.com", "", "993", "IMPLICIT_TLS"), null);
        ImapSettings outlook = (ImapSettings) forms.parse(FormPurpose.ADD, typed("alice@outlook.com", "", "993", "IMPLICIT_TLS"), null);
        ImapSettings own = (ImapSettings) forms.parse(FormPurpose.ADD, typed("alice@example.com", "imap.example.com", "993", "IMPLICIT_TLS"), null);

        CheckResult gmailRefused = problems.describe(MailEndpoint.imap(gmail),
                new AuthenticationFailedException("[AUTHENTICATIONFAILED] Invalid credentials (Failure)"), false, 0, null).result();
        CheckResult outlookRefused = problems.describe(MailEndpoint.imap(outlook),
                new AuthenticationFailedException("AUTHENTICATE failed."), false, 0, null).result();
        CheckResult ownRefused = problems.describe(MailEndpoint.imap(own),
                new AuthenticationFailedException("LOGIN failed."), false, 0, null).result();

        assertThat(gmailRefused.message()).isEqualTo("imap.gmail.com refused the login for alice@gmail.com: check the "
                + "username and password. Gmail accepts an app password only, not your Google password: create one at "
                + "myaccount.google.com/apppasswords (2-Step Verification must be on).");
        assertThat(gmailRefused.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(gmailRefused.field()).isEqualTo(ImapSettings.PASSWORD);
        assertThat(outlookRefused.message()).endsWith("Outlook.com no longer accepts passwords for IMAP: connect it with "
                + "Microsoft's sign-in instead, /integration add type:outlook.");
        assertThat(ownRefused.message()).isEqualTo("imap.example.com refused the login for alice@example.com: check the username and password.");
    }

    @Test
    @DisplayName("the SMTP security follows its port: 465 implicit TLS, 587 and 25 STARTTLS, others as IMAP")
    void smtpSecurity() {
        ImapSettings base = new ImapSettings("a@example.com", Secret.of("x"), "imap.example.com", 143, ImapSecurity.STARTTLS,
                "smtp.example.com", null);

        assertThat(MailEndpoint.smtp(base).implicitTls()).isTrue();
        assertThat(MailEndpoint.smtp(base).port()).isEqualTo(465);
        assertThat(MailEndpoint.smtp(MailFixture.withSmtp(base, "smtp.example.com", 587)).implicitTls()).isFalse();
        assertThat(MailEndpoint.smtp(MailFixture.withSmtp(base, "smtp.example.com", 25)).implicitTls()).isFalse();
        assertThat(MailEndpoint.smtp(MailFixture.withSmtp(base, "smtp.example.com", 2525)).implicitTls()).isFalse();
    }

    @Test
    @DisplayName("the edit forms say that a changed server needs the password again; Sending mail has a password field for it")
    void passwordNeededForANewServer() {
        Form.Text sending = (Form.Text) forms.inputs(FormPurpose.SENDING, null, Map.of()).stream()
                .filter(field -> field.key().equals(ImapForms.PASSWORD)).findFirst().orElseThrow();
        Form.Text credentials = (Form.Text) forms.inputs(FormPurpose.REPLACE_CREDENTIALS, null, Map.of()).stream()
                .filter(field -> field.key().equals(ImapForms.PASSWORD)).findFirst().orElseThrow();

        assertThat(sending.secret()).isTrue();
        assertThat(sending.required()).isFalse();
        assertThat(sending.description()).isEqualTo("Needed again when you change the server. Leave empty to keep the one stored now.");
        assertThat(credentials.description()).isEqualTo(sending.description());
    }

    @Test
    @DisplayName("Sending mail: a password typed there replaces the mailbox's (the same login); left empty, the stored one stays")
    void sendingPassword() {
        ImapSettings stored = new ImapSettings("alice@example.com", Secret.of("old"), "imap.example.com", 993,
                ImapSecurity.IMPLICIT_TLS, null, null);

        ImapSettings typed = (ImapSettings) forms.parse(FormPurpose.SENDING, Map.of(ImapForms.SMTP_SERVER, "smtp.example.net",
                ImapForms.SMTP_PORT, "587", ImapForms.PASSWORD, "new"), stored);
        ImapSettings empty = (ImapSettings) forms.parse(FormPurpose.SENDING, Map.of(ImapForms.SMTP_SERVER, "smtp.example.net",
                ImapForms.SMTP_PORT, "587", ImapForms.PASSWORD, ""), stored);

        assertThat(typed).isEqualTo(new ImapSettings("alice@example.com", Secret.of("new"), "imap.example.com", 993,
                ImapSecurity.IMPLICIT_TLS, "smtp.example.net", 587));
        assertThat(empty.password()).isEqualTo(Secret.of("old"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "imap.gmail.com,        smtps, smtp.gmail.com,        465",
            "IMAP.Fastmail.com,     smtps, smtp.fastmail.com,     465",
            "outlook.office365.com, smtp,  smtp-mail.outlook.com, 587"})
    @DisplayName("a password stored for a known provider's IMAP server may also go to that provider's SMTP server")
    void sameProvider(String imapServer, String scheme, String smtpServer, int smtpPort) {
        ImapSettings stored = new ImapSettings("alice@example.com", Secret.of("pw"), imapServer, 993, ImapSecurity.IMPLICIT_TLS,
                null, null);

        assertThat(forms.sameProviderDestinations(stored)).containsExactly(new Destination(scheme, smtpServer, smtpPort));
    }

    @Test
    @DisplayName("an IMAP server of no known provider vouches for no other server")
    void noProvider() {
        ImapSettings stored = new ImapSettings("alice@gmail.com", Secret.of("pw"), "imap.example.com", 993,
                ImapSecurity.IMPLICIT_TLS, null, null);

        assertThat(forms.sameProviderDestinations(stored)).isEmpty();
    }
}
