package app.plugboard.integration.imap;

import app.plugboard.integration.Secret;
import app.plugboard.net.AddressRange;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import app.plugboard.testsupport.StubResolver;
import app.plugboard.testsupport.mail.TestTls;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The mail machinery as the application wires it, for tests without Spring: a guard with a stub
 * resolver ("localhost" and "mail.test" are 127.0.0.1, anything else is unknown), loopback
 * allowed unless a test says otherwise, TLS trusting the test CA.
 */
final class MailFixture implements AutoCloseable {

    static final Duration CONNECT = Duration.ofSeconds(3);
    static final Duration READ = Duration.ofSeconds(5);
    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final AddressRange LOOPBACK = AddressRange.parse("127.0.0.0/8");

    final StubResolver resolver = new StubResolver().with("localhost", "127.0.0.1").with("mail.test", "127.0.0.1");
    final ImapProperties properties;
    final DestinationGuard guard;
    final MailConnector connector;
    final ImapProbe probe;

    private MailFixture(ImapProperties properties, TlsTrust trust, List<AddressRange> allowed) {
        this.properties = properties;
        this.guard = new DestinationGuard(resolver, allowed);
        this.connector = new MailConnector(guard, trust, properties);
        this.probe = new ImapProbe(connector);
    }

    /** Trusts the test CA, loopback allowed, the usual test timeouts. */
    static MailFixture standard() {
        return with(TestTls.timeouts(CONNECT, READ, DEADLINE));
    }

    /** Trusts the test CA, loopback allowed, these settings. */
    static MailFixture with(ImapProperties properties) {
        return with(properties, TestTls.operatorTrust());
    }

    static MailFixture with(ImapProperties properties, TlsTrust trust) {
        return new MailFixture(properties, trust, List.of(LOOPBACK));
    }

    /** As the application runs by default: no private range allowed, loopback included. */
    static MailFixture loopbackBlocked() {
        return new MailFixture(TestTls.timeouts(CONNECT, READ, DEADLINE), TestTls.operatorTrust(), List.of());
    }

    static ImapSettings imap(String user, String password, String host, int port, ImapSecurity security) {
        return new ImapSettings(user, Secret.of(password), host, port, security, null, null);
    }

    static ImapSettings withSmtp(ImapSettings settings, @Nullable String host, @Nullable Integer port) {
        return new ImapSettings(settings.username(), settings.password(), settings.server(), settings.port(),
                settings.security(), host, port);
    }

    @Override
    public void close() {
        connector.close();
    }
}
