package app.plugboard.testsupport.mail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/**
 * GreenMail, a real IMAP and SMTP server in-process, on 127.0.0.1 only and on free ports: plain
 * IMAP and SMTP, and IMAP and SMTP over implicit TLS presenting the test certificate for
 * "localhost" (see {@link TestTls}). GreenMail offers no STARTTLS; {@link StartTlsFront} adds it.
 */
public final class TestMailServer implements AutoCloseable {

    static {
        // GreenMail reads its TLS key from these when a TLS server starts
        System.setProperty("greenmail.tls.keystore.file", TestTls.serverKeyStore().toString());
        System.setProperty("greenmail.tls.keystore.password", TestTls.PASSWORD);
        // GreenMail's connection threads die with a stack trace when a client refuses its certificate,
        // which many tests do on purpose: keep those out of the build's output, pass on everything else
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (thread.getName().matches("(imap|imaps|smtp|smtps):127\\.0\\.0\\.1:\\d+<-.*")) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                thread.getThreadGroup().uncaughtException(thread, failure);
            }
        });
    }

    private final GreenMail greenMail;

    private TestMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static TestMailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                setup(ServerSetup.PROTOCOL_IMAP), setup(ServerSetup.PROTOCOL_IMAPS),
                setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_SMTPS)});
        greenMail.start();
        return new TestMailServer(greenMail);
    }

    private static ServerSetup setup(String protocol) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(10_000);
        return setup;
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public int imapsPort() {
        return greenMail.getImaps().getPort();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** A mailbox whose login is its address. */
    public GreenMailUser user(String address, String password) {
        return greenMail.setUser(address, address, password);
    }

    /** Creates a folder in a user's mailbox. */
    public void folder(GreenMailUser user, String name) {
        try {
            hosts().createMailbox(user, name);
        } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a message into a user's INBOX, read or unread. */
    public void deliver(GreenMailUser user, String from, String subject, String text, boolean read, Date date) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, user.getEmail());
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(date);
            message.saveChanges();
            deliver(user, message, read, date);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void deliver(GreenMailUser user, MimeMessage message, boolean read, Date date) {
        try {
            MailFolder inbox = hosts().getInbox(user);
            inbox.appendMessage(message, read ? new Flags(Flags.Flag.SEEN) : new Flags(), date);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImapHostManager hosts() {
        return greenMail.getManagers().getImapHostManager();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
