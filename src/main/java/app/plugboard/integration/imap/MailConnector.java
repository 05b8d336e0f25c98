package app.plugboard.integration.imap;

import app.plugboard.common.ThreadPools;
import app.plugboard.common.UserFacingException;
import app.plugboard.integration.Secret;
import app.plugboard.integration.imap.MailEndpoint.Kind;
import app.plugboard.integration.imap.MailProblems.Described;
import app.plugboard.net.CheckedAddress;
import app.plugboard.net.DestinationException;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens IMAP and SMTP connections the safe way, for the connection check and for mail access:
 * the host through the private-address guard, then Angus Mail pointed at the checked address with
 * socket factories that allow nothing else (and no fallback around them), TLS that checks the
 * certificate and the typed host name, timeouts on connect, read and write, and a deadline on the
 * whole. A failure becomes a {@link MailException} whose words say what to fix.
 */
@Component
class MailConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailConnector.class);
    /** What the SMTP greeting says we are: an address literal, as Thunderbird does, reveals nothing. */
    private static final String EHLO_NAME = "[127.0.0.1]";

    private final DestinationGuard guard;
    private final TlsTrust tls;
    private final ImapProperties properties;
    private final MailProblems problems;
    private final ScheduledExecutorService timers;

    MailConnector(DestinationGuard guard, TlsTrust tls, ImapProperties properties) {
        this.guard = guard;
        this.tls = tls;
        this.properties = properties;
        this.problems = new MailProblems(properties);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, ThreadPools.daemonThreads("mail-timer-"));
        executor.setRemoveOnCancelPolicy(true);
        this.timers = executor;
    }

    /** Work on a logged-in IMAP store; the store is closed afterwards. */
    interface StoreWork<T> {
        T run(Store store) throws MessagingException;
    }

    /** Work on a connected, logged-in SMTP transport; it is closed afterwards. */
    interface TransportWork<T> {
        T run(Session session, Transport transport) throws MessagingException;
    }

    /** When work that starts now must be done. */
    long deadlineFromNow() {
        return System.nanoTime() + properties.deadline().toNanos();
    }

    <T> T imap(ImapSettings settings, long deadline, StoreWork<T> work) throws MailException {
        return imap(Mailbox.of(settings), deadline, work);
    }

    <T> T smtp(ImapSettings settings, long deadline, TransportWork<T> work) throws MailException {
        if (settings.smtpServer() == null) {
            throw new IllegalArgumentException("no SMTP server in these settings");
        }
        return smtp(Mailbox.of(settings), deadline, work);
    }

    <T> T imap(Mailbox mailbox, long deadline, StoreWork<T> work) throws MailException {
        MailEndpoint endpoint = MailEndpoint.imap(mailbox);
        return connect(endpoint, mailbox.credential(), deadline, (session, target) -> {
            Store store = session.getStore(endpoint.protocol());
            try {
                store.connect(target.literal(), target.port(), endpoint.username(), mailbox.credential().reveal());
                return work.run(store);
            } finally {
                closeQuietly(store);
            }
        });
    }

    <T> T smtp(Mailbox mailbox, long deadline, TransportWork<T> work) throws MailException {
        if (mailbox.smtp() == null) {
            throw new IllegalArgumentException("no SMTP server for this mailbox");
        }
        MailEndpoint endpoint = MailEndpoint.smtp(mailbox);
        return connect(endpoint, mailbox.credential(), deadline, (session, target) -> {
            Transport transport = session.getTransport(endpoint.protocol());
            try {
                transport.connect(target.literal(), target.port(), endpoint.username(), mailbox.credential().reveal());
                return work.run(session, transport);
            } catch (MessagingException e) {
                if (transport instanceof SMTPTransport smtp) {
                    throw new SmtpFailure(e, smtp.getLastReturnCode(), smtp.getLastServerResponse());
                }
                throw e;
            } finally {
                closeQuietly(transport);
            }
        });
    }

    /** The SMTP reply that came with a failure, which tells a busy server from one that is not SMTP at all. */
    private static final class SmtpFailure extends MessagingException {
        final int reply;
        final @Nullable String text;

        SmtpFailure(MessagingException cause, int reply, @Nullable String text) {
            super("SMTP failure", cause);
            this.reply = reply;
            this.text = text;
        }
    }

    private interface SessionWork<T> {
        T run(Session session, CheckedAddress target) throws MessagingException;
    }

    private <T> T connect(MailEndpoint endpoint, Secret password, long deadline, SessionWork<T> work)
            throws MailException {
        Redaction redaction = new Redaction(endpoint.username(), password.reveal());
        CheckedAddress target;
        try {
            target = guard.check(endpoint.host(), endpoint.port());
        } catch (DestinationException e) {
            throw failure(endpoint, e, false, redaction);
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        MailConnection connection = new MailConnection(target, guard, tls.socketFactory(), timers, left);
        try {
            Session session = Session.getInstance(angusProperties(endpoint, connection));
            if (properties.debug()) {
                PrintStream trace = MailTrace.stream(endpoint.kind().displayName + " " + endpoint.hostAndPort(), redaction);
                session.setDebugOut(trace);
                session.setDebug(true);
            }
            return work.run(session, target);
        } catch (UserFacingException e) {
            throw e; // already in words for the owner: the work said what is wrong
        } catch (MessagingException | RuntimeException e) {
            throw failure(endpoint, e, connection.expired(), redaction);
        } finally {
            connection.close();
        }
    }

    private MailException failure(MailEndpoint endpoint, Exception e, boolean deadlinePassed, Redaction redaction) {
        int reply = e instanceof SmtpFailure smtp ? smtp.reply : 0;
        String text = e instanceof SmtpFailure smtp ? smtp.text : null;
        Throwable failure = e instanceof SmtpFailure ? Objects.requireNonNull(e.getCause()) : e;
        Described described = problems.describe(endpoint, failure, deadlinePassed, reply, text);
        if (described.problem() == MailProblems.Problem.OTHER) {
            log.warn("{} for {} failed unexpectedly: {}", endpoint, endpoint.username(), summary(failure, redaction));
        } else {
            log.info("{} for {}: {} ({})", endpoint, endpoint.username(), described.problem(), summary(failure, redaction));
        }
        return new MailException(described.result(), described.problem() == MailProblems.Problem.LOGIN_REFUSED);
    }

    /** The exception chain in one line, without the password in any form. */
    private static String summary(Throwable failure, Redaction redaction) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause : MailProblems.chain(failure)) {
            parts.add(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        return redaction.apply(String.join(" <- ", parts));
    }

    /** The session properties of one connection: see the class comment; nothing here trusts everything. */
    Properties angusProperties(MailEndpoint endpoint, MailConnection connection) {
        String prefix = "mail." + endpoint.protocol();
        Properties angus = new Properties();
        angus.put(prefix + ".connectiontimeout", millis(properties.connectTimeout()));
        angus.put(prefix + ".timeout", millis(properties.readTimeout()));
        angus.put(prefix + ".writetimeout", millis(properties.writeTimeout()));
        angus.put(prefix + ".executor.writetimeout", timers);
        angus.put(prefix + ".socketFactory", connection.plainSockets());
        angus.put(prefix + ".socketFactory.fallback", "false");
        angus.put(prefix + ".ssl.socketFactory", connection.tlsSockets());
        angus.put(prefix + ".ssl.checkserveridentity", "true");
        if (!endpoint.implicitTls()) {
            angus.put(prefix + ".starttls.enable", "true");
            angus.put(prefix + ".starttls.required", "true");
        }
        if (endpoint.kind() == Kind.IMAP) {
            angus.put(prefix + ".peek", "true"); // BODY.PEEK: reading a message never marks it read
        }
        if (endpoint.kind() == Kind.SMTP) {
            angus.put(prefix + ".auth", "true");
            angus.put(prefix + ".localhost", EHLO_NAME);
        }
        if (endpoint.xoauth2()) {
            // the "password" is an OAuth access token: AUTHENTICATE XOAUTH2 (IMAP) and AUTH XOAUTH2 (SMTP), nothing else
            angus.put(prefix + ".auth.mechanisms", "XOAUTH2");
            angus.put(prefix + ".sasl.enable", "false");
        }
        angus.put("mail.debug", Boolean.toString(properties.debug()));
        angus.put("mail.debug.auth", "false");
        return angus;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static void closeQuietly(jakarta.mail.Service service) {
        try {
            if (service.isConnected()) {
                service.close();
            }
        } catch (MessagingException | RuntimeException e) {
            // the work is done or failed already; a failed LOGOUT or QUIT changes nothing
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
