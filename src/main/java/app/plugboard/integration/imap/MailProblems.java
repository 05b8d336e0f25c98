package app.plugboard.integration.imap;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.imap.MailEndpoint.Kind;
import app.plugboard.net.BlockedDestinationException;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import app.plugboard.net.UnknownDestinationException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Collections;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.jspecify.annotations.Nullable;

/**
 * What went wrong with a mail server, in words for its owner, decided from the failure's types
 * (never by showing its text): each problem names the field to fix, and transient ones (a silent
 * or busy server) are FAILING rather than ERROR.
 */
final class MailProblems {

    /** The kinds of problems, for the log line. */
    enum Problem {
        UNKNOWN_HOST, UNREACHABLE, NO_ANSWER, DEADLINE, TLS_FAILED, CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED,
        CERTIFICATE_OTHER_HOST, NO_STARTTLS, NOT_THE_PROTOCOL, CLOSED, TOO_MANY_CONNECTIONS, BUSY, LOGIN_REFUSED, OTHER
    }

    /** A problem and the result that tells it. */
    record Described(Problem problem, CheckResult result) {
    }

    private static final Pattern TOO_MANY = Pattern.compile(
            "\\[(LIMIT|INUSE)]|too many|maximum number of|simultaneous connections|connection limit|exceeded",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BUSY = Pattern.compile(
            "\\[UNAVAILABLE]|temporar|try again later|unavailable", Pattern.CASE_INSENSITIVE);

    private final Duration readTimeout;
    private final Duration deadline;

    MailProblems(ImapProperties properties) {
        this.readTimeout = properties.readTimeout();
        this.deadline = properties.deadline();
    }

    /**
     * @param smtpReply the SMTP server's last reply code when the failure came from an SMTP
     *                  conversation (-1 for none, 0 when not known)
     * @param smtpText  the SMTP server's last reply, matched against known patterns only
     */
    Described describe(MailEndpoint endpoint, Throwable failure, boolean deadlinePassed, int smtpReply,
            @Nullable String smtpText) {
        List<Throwable> chain = chain(failure);
        Problem problem = classify(endpoint, chain, deadlinePassed, smtpReply, smtpText);
        return new Described(problem, result(problem, endpoint));
    }

    private Problem classify(MailEndpoint endpoint, List<Throwable> chain, boolean deadlinePassed, int smtpReply,
            @Nullable String smtpText) {
        if (has(chain, UnknownDestinationException.class) || has(chain, UnknownHostException.class)) {
            return Problem.UNKNOWN_HOST;
        }
        // Angus wraps every failure to connect (refused, timed out, or refused by our socket factory)
        if (has(chain, BlockedDestinationException.class) || has(chain, SocketConnectException.class)
                || has(chain, MailConnectException.class) || has(chain, ConnectException.class)
                || has(chain, NoRouteToHostException.class)) {
            return Problem.UNREACHABLE;
        }
        if (deadlinePassed) {
            return Problem.DEADLINE;
        }
        if (has(chain, TlsTrust.CertificateForAnotherHost.class)) {
            return Problem.CERTIFICATE_OTHER_HOST;
        }
        if (has(chain, TlsTrust.UntrustedCertificate.class)) {
            return has(chain, CertificateExpiredException.class) || has(chain, CertificateNotYetValidException.class)
                    ? Problem.CERTIFICATE_EXPIRED : Problem.CERTIFICATE_UNTRUSTED;
        }
        if (has(chain, SocketTimeoutException.class)) {
            return Problem.NO_ANSWER;
        }
        if (has(chain, SSLException.class)) {
            return Problem.TLS_FAILED;
        }
        Throwable top = chain.get(0);
        if (top instanceof AuthenticationFailedException refused) {
            String text = (refused.getMessage() == null ? "" : refused.getMessage()) + " " + (smtpText == null ? "" : smtpText);
            if (TOO_MANY.matcher(text).find()) {
                return Problem.TOO_MANY_CONNECTIONS;
            }
            if (BUSY.matcher(text).find() || smtpReply == 421 || smtpReply == 454 || smtpReply == 432) {
                return Problem.BUSY;
            }
            return Problem.LOGIN_REFUSED;
        }
        if (mentionsMissingStartTls(chain)) {
            return Problem.NO_STARTTLS;
        }
        if (endpoint.kind() == Kind.SMTP && smtpReply != 0 && isGreetingFailure(top)) {
            return smtpGreeting(smtpReply, smtpText);
        }
        for (Throwable cause : chain) {
            if (cause instanceof ConnectionException closed && closed.getResponse() != null) {
                return imapGreeting(closed.getResponse());
            }
        }
        if (has(chain, EOFException.class) || has(chain, SocketException.class) || has(chain, StoreClosedException.class)
                || has(chain, FolderClosedException.class) || has(chain, ConnectionException.class)) {
            return Problem.CLOSED;
        }
        return Problem.OTHER;
    }

    /** A BYE or a greeting that is no IMAP greeting (Angus turns a dropped connection into a synthetic BYE). */
    private static Problem imapGreeting(Response response) {
        if (response.isSynthetic()) {
            return Problem.CLOSED;
        }
        if (!response.isBYE()) {
            return Problem.NOT_THE_PROTOCOL;
        }
        String text = response.getRest() == null ? "" : response.getRest();
        if (TOO_MANY.matcher(text).find()) {
            return Problem.TOO_MANY_CONNECTIONS;
        }
        return BUSY.matcher(text).find() ? Problem.BUSY : Problem.CLOSED;
    }

    private static Problem smtpGreeting(int reply, @Nullable String text) {
        if (reply == -1) {
            return Problem.CLOSED;
        }
        if (reply == 421 || reply == 554) {
            return text != null && TOO_MANY.matcher(text).find() ? Problem.TOO_MANY_CONNECTIONS : Problem.BUSY;
        }
        return Problem.NOT_THE_PROTOCOL;
    }

    private static boolean isGreetingFailure(Throwable top) {
        return top instanceof MessagingException && top.getMessage() != null
                && top.getMessage().startsWith("Got bad greeting");
    }

    /** Angus says so only in words: "STARTTLS required but not supported by server" (IMAP), "... does not support STARTTLS" (SMTP). */
    private static boolean mentionsMissingStartTls(List<Throwable> chain) {
        for (Throwable cause : chain) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if ((cause instanceof MessagingException || cause instanceof ProtocolException)
                    && message.contains("starttls") && message.contains("not support")) {
                return true;
            }
        }
        return false;
    }

    private CheckResult result(Problem problem, MailEndpoint endpoint) {
        String service = endpoint.kind().displayName;
        String at = endpoint.hostAndPort();
        String usualPorts = endpoint.kind() == Kind.IMAP
                ? "993 with implicit TLS, 143 with STARTTLS" : "465 with implicit TLS, 587 with STARTTLS";
        CheckResult result = switch (problem) {
            // an unknown name reads like a blocked address, a refused or timed out connection: no map of internal names
            case UNKNOWN_HOST, UNREACHABLE -> failing(capitalized(DestinationGuard.couldNotReach(endpoint.host(), endpoint.port()))
                    + ": check the " + service + " server and port; if they are right, the server may be down, so try again later.",
                    endpoint.portField());
            case NO_ANSWER -> endpoint.kind() == Kind.IMAP && !endpoint.implicitTls() && endpoint.port() == 993
                    ? CheckResult.error(at + " did not answer: port 993 usually expects implicit TLS. Choose implicit TLS, "
                            + "or port 143 for STARTTLS.", endpoint.securityField())
                    : failing(at + " accepted the connection but did not answer within " + seconds(readTimeout)
                            + ": the server may be busy. Try again later.", endpoint.portField());
            case DEADLINE -> failing(at + " did not finish within " + seconds(deadline)
                    + ": the server may be busy. Try again later.", endpoint.portField());
            case TLS_FAILED -> CheckResult.error("Could not set up an encrypted connection with " + at
                    + ": check the port and the security (usually " + usualPorts + ").", endpoint.securityField());
            case CERTIFICATE_UNTRUSTED -> CheckResult.error("The certificate of " + endpoint.host() + " is not trusted: "
                    + "it is self-signed or signed by an unknown authority. If this is a server with its own CA, the "
                    + "operator of this Plugboard can add that CA to its trust store.", endpoint.serverField());
            case CERTIFICATE_EXPIRED -> CheckResult.error("The certificate of " + endpoint.host()
                    + " has expired (or is not valid yet): its operator must renew it.", endpoint.serverField());
            case CERTIFICATE_OTHER_HOST -> CheckResult.error("The certificate of " + endpoint.host()
                    + " is for another server name: enter the " + service + " server name exactly as your provider gives it.",
                    endpoint.serverField());
            case NO_STARTTLS -> CheckResult.error(at + " does not offer STARTTLS, and Plugboard never logs in unencrypted: "
                    + (endpoint.kind() == Kind.IMAP ? "choose implicit TLS (usually port 993)." : "use port 465 (implicit TLS)."),
                    endpoint.securityField());
            case NOT_THE_PROTOCOL -> CheckResult.error(at + " answered, but not as an " + service
                    + " server: check the port (usually " + usualPorts + ").", endpoint.portField());
            case CLOSED -> failing(at + " closed the connection during the check: the server may be busy or limiting "
                    + "connections. Try again later.", endpoint.portField());
            case TOO_MANY_CONNECTIONS -> failing(endpoint.host() + " refused the login because too many connections are "
                    + "open for " + endpoint.username() + ": close other mail apps or wait a few minutes, then try again.",
                    endpoint.loginField());
            case BUSY -> failing(endpoint.host() + " is temporarily unavailable: try again later.", endpoint.portField());
            case LOGIN_REFUSED -> endpoint.xoauth2()
                    ? CheckResult.error(endpoint.host() + " refused Plugboard's access for " + endpoint.username()
                            + ": check the integration (/integration check), and sign in again if it says so."
                            + (endpoint.hint() == null ? "" : " " + endpoint.hint()), null)
                    : CheckResult.error(endpoint.host() + " refused the login for " + endpoint.username()
                            + ": check the username and password." + (endpoint.hint() == null ? "" : " " + endpoint.hint()),
                            endpoint.loginField());
            case OTHER -> failing("Plugboard could not finish the check with " + at
                    + " because of an unexpected answer; it will be tried again.", null);
        };
        if (endpoint.kind() == Kind.SMTP) {
            return new CheckResult(result.status(), "Sending mail does not work: " + result.message(), endpoint.serverField());
        }
        return result;
    }

    private static CheckResult failing(String message, @Nullable String field) {
        return new CheckResult(IntegrationStatus.FAILING, message, field);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return String.format(Locale.ENGLISH, "%.1f seconds", millis / 1000.0);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    /**
     * The failure and everything behind it: causes, chained messaging exceptions, the exception
     * inside a synthetic IMAP response, and suppressed exceptions.
     */
    static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < 50) {
            Throwable next = pending.remove(0);
            if (!seen.add(next)) {
                continue;
            }
            chain.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (next instanceof ProtocolException protocol && protocol.getResponse() != null
                    && protocol.getResponse().getException() != null) {
                pending.add(protocol.getResponse().getException());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return chain;
    }
}
