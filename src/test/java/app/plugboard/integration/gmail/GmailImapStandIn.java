package app.plugboard.integration.gmail;

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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/**
 * Gmail's IMAP for tests: GreenMail (which speaks XOAUTH2 and takes the access token as the
 * password), behind a TLS front with a certificate for {@code localhost}, so Plugboard's TLS
 * checks (certificate and host name) stay on. A token is accepted once Google issued it for the
 * mailbox's address ({@link #accept}). The certificate comes from the test CA, which Plugboard
 * trusts through the operator's trust store ({@code plugboard.tls.trust-store}), as for every server.
 */
public final class GmailImapStandIn implements AutoCloseable {

    private final GreenMail greenMail;
    private final SSLServerSocket front;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile boolean refuseAll;

    private GmailImapStandIn() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        try {
            front = (SSLServerSocket) TestTls.serverContext().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "imap-stand-in-tls");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static GmailImapStandIn start() {
        return new GmailImapStandIn();
    }

    public int port() {
        return front.getLocalPort();
    }

    /** Google issued this token for this address: the mailbox accepts it (and only it) from now on. */
    public void accept(String address, String accessToken) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(address);
            if (user == null) {
                user = greenMail.getUserManager().createUser(address, address, accessToken);
            }
            user.setPassword(refuseAll ? "refused-" + accessToken : accessToken);
        } catch (UserException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gmail refuses every token from now on, those accepted before included (IMAP turned off by an administrator). */
    public void refuseLogins(boolean refuse) {
        refuseAll = refuse;
        if (refuse) {
            greenMail.getUserManager().listUser().forEach(user -> user.setPassword("refused-" + System.nanoTime()));
        }
    }

    /** Puts {@code count} messages into the address's INBOX, the first {@code unread} of them unread. */
    public void deliver(String address, int count, int unread) {
        try {
            GreenMailUser user = greenMail.getUserManager().getUser(address);
            if (user == null) {
                user = greenMail.getUserManager().createUser(address, address, "not-yet");
            }
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            int before = inbox.getMessageCount();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
                message.setFrom(new InternetAddress("friend@example.com"));
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
                message.setSubject("Message " + i);
                message.setText("Hello " + i);
                user.deliver(message);
            }
            List<StoredMessage> stored = inbox.getMessages();
            for (int i = before + unread; i < stored.size(); i++) {
                stored.get(i).setFlag(Flags.Flag.SEEN, true);
            }
        } catch (MessagingException | UserException | FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public void reset() {
        refuseAll = false;
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many TLS connections the front accepted. */
    public int connections() {
        return logins.get();
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        greenMail.stop();
    }

    private void acceptLoop() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                logins.incrementAndGet();
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), greenMail.getImap().getPort());
                open.add(client);
                open.add(backend);
                pipe(client, backend);
                pipe(backend, client);
            } catch (IOException e) {
                if (front.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing anyway
                }
                open.remove(from);
                open.remove(to);
            }
        }, "imap-stand-in-pipe");
        thread.setDaemon(true);
        thread.start();
    }
}
