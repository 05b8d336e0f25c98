package app.plugboard.integration.oauthmail;

import app.plugboard.integration.Secret;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import app.plugboard.net.TlsTrust;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs in to a provider's IMAP server with XOAUTH2 (Angus Mail) and reads the inbox's counts: the proof
 * that a grant works. Implicit TLS with the certificate and host name checked (the JDK's CAs and the
 * operator's trust store, as for every mail server), and every timeout set (Angus waits forever by
 * default). The server is the operator's setting ({@link MailServers}), never a person's.
 */
@Component
@ConditionalOnSignIn
public class XOAuth2Imap {

    private static final Logger log = LoggerFactory.getLogger(XOAuth2Imap.class);
    private static final String PROTOCOL = "imaps";

    /** What the login found. */
    public sealed interface Login {
    }

    public record Inbox(int messages, int unread) implements Login {
    }

    /**
     * The server did not accept the token (revoked, expired, or IMAP switched off for this mailbox).
     *
     * @param serverText what the server answered, to recognise known refusals; never shown to anyone as it is
     */
    public record Refused(@Nullable String serverText) implements Login {
    }

    /** The IMAP server could not be reached or did not answer in time; may pass by itself. */
    public record Unreachable(String why) implements Login {
    }

    private final SignInProperties properties;
    private final TlsTrust tls;

    XOAuth2Imap(SignInProperties properties, TlsTrust tls) {
        this.properties = properties;
        this.tls = tls;
    }

    public Login inbox(MailServers servers, String address, Secret accessToken) {
        Session session = Session.getInstance(sessionProperties());
        Store store = null;
        try {
            store = session.getStore(PROTOCOL);
            store.connect(servers.imapHost(), servers.imapPort(), address, accessToken.reveal());
            Folder inbox = store.getFolder("INBOX");
            return new Inbox(inbox.getMessageCount(), inbox.getUnreadMessageCount());
        } catch (AuthenticationFailedException e) {
            return new Refused(e.getMessage());
        } catch (MessagingException e) {
            String why = why(e);
            log.info("The IMAP server {}:{} could not be used: {}", servers.imapHost(), servers.imapPort(), why);
            return new Unreachable(why);
        } finally {
            close(store);
        }
    }

    private Properties sessionProperties() {
        String prefix = "mail." + PROTOCOL + ".";
        Properties mail = new Properties();
        mail.put(prefix + "auth.mechanisms", "XOAUTH2");
        mail.put(prefix + "sasl.enable", "false");
        mail.put(prefix + "connectiontimeout", String.valueOf(properties.connectTimeout().toMillis()));
        mail.put(prefix + "timeout", String.valueOf(properties.readTimeout().toMillis()));
        mail.put(prefix + "writetimeout", String.valueOf(properties.readTimeout().toMillis()));
        mail.put(prefix + "ssl.checkserveridentity", "true");
        mail.put(prefix + "ssl.socketFactory", tls.socketFactory());
        mail.put(prefix + "socketFactory.fallback", "false");
        return mail;
    }

    /** A cause in a few words: never the server's text (it may echo what we sent). */
    private static String why(MessagingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return "it did not answer in time";
            }
            if (cause instanceof UnknownHostException) {
                return "its host name is unknown";
            }
            if (cause instanceof ConnectException) {
                return "the connection was refused";
            }
            if (cause instanceof SSLException) {
                return "its TLS certificate did not verify";
            }
        }
        return "the IMAP conversation failed (" + e.getClass().getSimpleName() + ")";
    }

    private static void close(@Nullable Store store) {
        if (store != null && store.isConnected()) {
            try {
                store.close();
            } catch (MessagingException e) {
                // the check is over either way
            }
        }
    }
}
