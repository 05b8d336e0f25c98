package app.plugboard.integration.imap;

import static app.plugboard.integration.imap.ImapSecurity.IMPLICIT_TLS;
import static app.plugboard.integration.imap.MailFixture.imap;
import static app.plugboard.integration.imap.MailFixture.withSmtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.testsupport.mail.TestMailServer;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MailAccess: mail for the workflows, against GreenMail")
class MailAccessTest {

    static final String PASSWORD = "mail-access-pw";
    static final AtomicInteger USERS = new AtomicInteger();
    static TestMailServer mail;

    final MailFixture fixture = MailFixture.standard();
    final MailAccess access = new MailAccess(fixture.connector);

    @BeforeAll
    static void startMail() {
        mail = TestMailServer.start();
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    record Mailbox(GreenMailUser user, ImapSettings settings) {
    }

    static Mailbox mailbox() {
        String address = "erin" + USERS.incrementAndGet() + "@example.com";
        GreenMailUser user = mail.user(address, PASSWORD);
        ImapSettings settings = withSmtp(imap(address, PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS),
                "localhost", mail.smtpsPort());
        return new Mailbox(user, settings);
    }

    static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    @DisplayName("lists the newest messages of a folder, newest first, with sender, subject, date and unread, marking nothing read")
    void recent() {
        // GIVEN five messages, the second and the fourth read
        Mailbox box = mailbox();
        for (int i = 1; i <= 5; i++) {
            mail.deliver(box.user(), "Sender " + i + " <sender" + i + "@example.com>", "Message " + i, "Text " + i,
                    i % 2 == 0, at("2026-11-2" + i + "T08:00:00Z"));
        }

        // WHEN the three newest are listed
        List<MailSummary> recent = access.recent(box.settings(), "INBOX", 3);

        // THEN they come newest first, with what a list shows
        assertThat(recent).extracting(MailSummary::subject).containsExactly("Message 5", "Message 4", "Message 3");
        assertThat(recent).extracting(MailSummary::unread).containsExactly(true, false, true);
        assertThat(recent.get(0).from()).isEqualTo("Sender 5 <sender5@example.com>");
        assertThat(recent.get(0).date()).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(recent.get(0).ref().folder()).isEqualTo("INBOX");
        // AND listing again shows the same unread flags: nothing was marked read
        assertThat(access.recent(box.settings(), "INBOX", 5)).extracting(MailSummary::unread)
                .containsExactly(true, false, true, false, true);
    }

    @Test
    @DisplayName("an empty folder lists nothing; a folder that does not exist is named")
    void emptyAndMissingFolders() {
        Mailbox box = mailbox();
        mail.folder(box.user(), "Archive");

        assertThat(access.recent(box.settings(), "Archive", 10)).isEmpty();
        MailException missing = catchThrowableOfType(MailException.class, () -> access.recent(box.settings(), "Nope", 10));
        assertThat(missing.userMessage()).isEqualTo("There is no folder \"Nope\" in this mailbox.");
    }

    @Test
    @DisplayName("fetches one message's text: the plain part of an alternative, HTML as text, never an attachment; it stays unread")
    void read() throws Exception {
        // GIVEN a plain message, an HTML-only one, and one with both forms and an attachment
        Mailbox box = mailbox();
        mail.deliver(box.user(), "bob@example.com", "Plain", "Hello Erin,\nsee you at 10.", false, at("2026-11-20T08:00:00Z"));
        mail.deliver(box.user(), html("<html><head><style>p{}</style></head><body><p>Dear&nbsp;Erin,</p>"
                + "<p>Tom &amp; Jerry <b>say</b> hi.</p><script>alert(1)</script></body></html>"), false, at("2026-11-21T08:00:00Z"));
        mail.deliver(box.user(), mixed(), false, at("2026-11-22T08:00:00Z"));
        List<MailSummary> listed = access.recent(box.settings(), "INBOX", 3);

        // WHEN each is read
        MailMessage mixed = access.read(box.settings(), listed.get(0).ref());
        MailMessage html = access.read(box.settings(), listed.get(1).ref());
        MailMessage plain = access.read(box.settings(), listed.get(2).ref());

        // THEN the text is what a person would read
        assertThat(plain.text()).isEqualTo("Hello Erin,\nsee you at 10.");
        assertThat(plain.subject()).isEqualTo("Plain");
        assertThat(plain.to()).containsExactly(box.user().getEmail());
        assertThat(html.text()).isEqualTo("Dear Erin,\n\nTom & Jerry say hi.");
        assertThat(mixed.text()).isEqualTo("The plain version.");
        assertThat(mixed.truncated()).isFalse();
        // AND reading marked nothing read
        assertThat(plain.unread()).isTrue();
        assertThat(access.recent(box.settings(), "INBOX", 3)).extracting(MailSummary::unread).containsOnly(true);
    }

    @Test
    @DisplayName("a reference to a message that is gone, or to a rebuilt folder, finds nothing rather than another message")
    void goneMessage() {
        Mailbox box = mailbox();
        mail.deliver(box.user(), "bob@example.com", "Only", "Text", false, at("2026-11-20T08:00:00Z"));
        MessageRef ref = access.recent(box.settings(), "INBOX", 1).get(0).ref();

        MailException gone = catchThrowableOfType(MailException.class, () -> access.read(box.settings(),
                new MessageRef("INBOX", ref.uidValidity(), ref.uid() + 100)));
        MailException rebuilt = catchThrowableOfType(MailException.class, () -> access.read(box.settings(),
                new MessageRef("INBOX", ref.uidValidity() + 1, ref.uid())));

        assertThat(gone.userMessage()).isEqualTo("That message is no longer in INBOX: it was moved or deleted.");
        assertThat(rebuilt.userMessage()).isEqualTo(gone.userMessage());
    }

    @Test
    @DisplayName("sends a message through the SMTP settings; it arrives")
    void send() {
        // GIVEN two mailboxes
        Mailbox sender = mailbox();
        Mailbox recipient = mailbox();

        // WHEN one sends to the other
        access.send(sender.settings(), new OutgoingMail(List.of(recipient.user().getEmail()), "Agenda für Montag",
                "Hi,\nthe agenda is attached in spirit.\n"));

        // THEN it arrives, from the sender's address, with its subject and text
        assertThat(mail.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        List<MailSummary> inbox = access.recent(recipient.settings(), "INBOX", 10);
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).from()).isEqualTo(sender.user().getEmail());
        assertThat(inbox.get(0).subject()).isEqualTo("Agenda für Montag");
        assertThat(access.read(recipient.settings(), inbox.get(0).ref()).text()).isEqualTo("Hi,\nthe agenda is attached in spirit.");
    }

    @Test
    @DisplayName("sending without an SMTP server, to a non-address, or with a refused login says what to fix")
    void sendProblems() {
        Mailbox box = mailbox();
        ImapSettings noSmtp = imap(box.user().getEmail(), PASSWORD, "localhost", mail.imapsPort(), IMPLICIT_TLS);
        ImapSettings wrongPassword = withSmtp(imap(box.user().getEmail(), "not-it", "localhost", mail.imapsPort(),
                IMPLICIT_TLS), "localhost", mail.smtpsPort());

        MailException noServer = catchThrowableOfType(MailException.class,
                () -> access.send(noSmtp, new OutgoingMail(List.of("bob@example.com"), "Hi", "Text")));
        InvalidInputException notAnAddress = catchThrowableOfType(InvalidInputException.class,
                () -> access.send(box.settings(), new OutgoingMail(List.of("bob at example"), "Hi", "Text")));
        MailException refused = catchThrowableOfType(MailException.class,
                () -> access.send(wrongPassword, new OutgoingMail(List.of("bob@example.com"), "Hi", "Text")));

        assertThat(noServer.result().field()).isEqualTo(ImapSettings.SMTP_SERVER);
        assertThat(noServer.userMessage()).startsWith("No SMTP server is set for this mailbox");
        assertThat(notAnAddress.problems()).extracting(InputProblem::message)
                .containsExactly("\"bob at example\" is not an email address: use one such as bob@example.com.");
        assertThat(refused.result().status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(refused.userMessage()).isEqualTo("Sending mail does not work: localhost refused the login for "
                + box.user().getEmail() + ": check the username and password.");
    }

    @Test
    @DisplayName("a refused login while reading is a MailException with the check's words and status")
    void readProblems() {
        Mailbox box = mailbox();
        ImapSettings wrong = imap(box.user().getEmail(), "not-it", "localhost", mail.imapsPort(), IMPLICIT_TLS);

        MailException refused = catchThrowableOfType(MailException.class, () -> access.recent(wrong, "INBOX", 5));

        assertThat(refused.result().status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(refused.result().field()).isEqualTo(ImapSettings.PASSWORD);
    }

    private static MimeMessage html(String html) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("news@example.com"));
        message.setSubject("HTML");
        message.setContent(html, "text/html; charset=UTF-8");
        message.saveChanges();
        return message;
    }

    private static MimeMessage mixed() throws Exception {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("The plain version.", "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent("<p>The <i>rich</i> version.</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("secret attachment text", "UTF-8");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName("notes.txt");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("carol@example.com"));
        message.setSubject("Mixed");
        message.setContent(new MimeMultipart("mixed", body, attachment));
        message.saveChanges();
        return message;
    }
}
