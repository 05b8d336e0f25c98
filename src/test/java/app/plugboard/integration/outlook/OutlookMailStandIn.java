package app.plugboard.integration.outlook;

import app.plugboard.testsupport.mail.LineIo;
import app.plugboard.testsupport.mail.StartTlsFront;
import app.plugboard.testsupport.mail.TestTls;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLServerSocket;

/**
 * Outlook's mail servers for tests: GreenMail, which speaks XOAUTH2 and takes the access token as the
 * password, behind a TLS front for IMAP (implicit TLS, like outlook.office365.com:993) and a STARTTLS front
 * for SMTP (like smtp.office365.com:587), both with a certificate for {@code localhost} from the test CA,
 * which Plugboard trusts through the operator's trust store. A token works once Microsoft issued it for the
 * mailbox ({@link #accept}). IMAP can be turned off ({@link #imapOff}): then the IMAP front answers every
 * login the way Office 365 does for a mailbox whose IMAP an administrator turned off ("User is authenticated
 * but not connected.").
 */
public final class OutlookMailStandIn implements AutoCloseable {

    /** Marks what {@link #deliver} put into a mailbox, apart from what Plugboard sent. */
    private static final String DELIVERED = "X-Stand-In-Delivered";

    private final GreenMail greenMail;
    private final SSLServerSocket imapFront;
    private final StartTlsFront smtpFront;
    private volatile boolean imapOff;

    private OutlookMailStandIn() {
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        greenMail.start();
        try {
            imapFront = (SSLServerSocket) TestTls.serverContext().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtpFront = StartTlsFront.start(StartTlsFront.Mode.SMTP_STARTTLS, greenMail.getSmtp().getPort());
        Thread acceptor = new Thread(this::acceptLoop, "outlook-imap-stand-in");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static OutlookMailStandIn start() {
        return new OutlookMailStandIn();
    }

    public int imapPort() {
        return imapFront.getLocalPort();
    }

    public int smtpPort() {
        return smtpFront.port();
    }

    /** Microsoft issued this token for this mailbox: IMAP and SMTP accept it (and only it) from now on. */
    public void accept(String address, String accessToken) {
        user(address).setPassword(accessToken);
    }

    /** An administrator turned IMAP off (or on again) for the mailbox. */
    public void imapOff(boolean off) {
        imapOff = off;
    }

    /** Puts {@code count} messages into the mailbox's INBOX, the first {@code unread} of them unread. */
    public void deliver(String address, int count, int unread) {
        try {
            GreenMailUser user = user(address);
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            int before = inbox.getMessageCount();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
                message.setFrom(new InternetAddress("friend@example.com"));
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
                message.setSubject("Message " + i);
                message.setText("Hello " + i);
                message.setHeader(DELIVERED, "true");
                user.deliver(message);
            }
            List<StoredMessage> stored = inbox.getMessages();
            for (int i = before + unread; i < stored.size(); i++) {
                stored.get(i).setFlag(Flags.Flag.SEEN, true);
            }
        } catch (MessagingException | FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What arrived through SMTP, for anyone (not what {@link #deliver} put into a mailbox). */
    public MimeMessage[] received() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return message.getHeader(DELIVERED) == null;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    public void reset() {
        imapOff = false;
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private GreenMailUser user(String address) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(address);
            return user != null ? user : greenMail.getUserManager().createUser(address, address, "not-yet-" + System.nanoTime());
        } catch (UserException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            imapFront.close();
        } catch (IOException e) {
            // closing anyway
        }
        smtpFront.close();
        greenMail.stop();
    }

    private void acceptLoop() {
        while (!imapFront.isClosed()) {
            try {
                Socket client = imapFront.accept();
                Thread connection = new Thread(() -> serve(client), "outlook-imap-stand-in-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (imapFront.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Relays to GreenMail, unless IMAP is off. */
    private void serve(Socket client) {
        try (client) {
            if (!imapOff) {
                relay(client);
                return;
            }
            LineIo io = new LineIo(client);
            io.send("* OK The Microsoft Exchange IMAP4 service is ready.");
            String line;
            while ((line = io.line()) != null) {
                String tag = LineIo.tag(line);
                switch (LineIo.command(line)) {
                    case "CAPABILITY" -> io.send("* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID",
                            tag + " OK CAPABILITY completed.");
                    case "AUTHENTICATE" -> {
                        if (line.trim().split(" ").length < 4) {
                            io.send("+ ");
                            io.line();
                        }
                        io.send(tag + " NO User is authenticated but not connected.");
                    }
                    case "LOGOUT" -> {
                        io.send("* BYE Microsoft Exchange Server IMAP4 server signing off.", tag + " OK LOGOUT completed.");
                        return;
                    }
                    default -> io.send(tag + " BAD Command Error. 12");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relay(Socket client) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), greenMail.getImap().getPort())) {
            Thread upstream = pipe(client.getInputStream(), backend.getOutputStream(), backend);
            pipe(backend.getInputStream(), client.getOutputStream(), client).join();
            upstream.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pipe(InputStream from, OutputStream to, Socket closeWhenDone) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    closeWhenDone.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }, "outlook-imap-stand-in-pipe");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
