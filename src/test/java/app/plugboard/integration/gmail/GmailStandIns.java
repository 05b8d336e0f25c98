package app.plugboard.integration.gmail;

import app.plugboard.testsupport.mail.TestTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One Google stand-in and one Gmail IMAP stand-in per test JVM (like the test database), and the
 * properties that point a Plugboard at them (its trust store included: the test CA's). Tests reset them before each test.
 */
public final class GmailStandIns {

    public static final String CLIENT_ID = "plugboard-test-client.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "test-client-secret";
    static final String DISCORD_CLIENT_ID = "123456789012345678";
    static final String DISCORD_CLIENT_SECRET = "test-discord-secret";

    private static volatile GoogleStandIn google;
    private static volatile GmailImapStandIn imap;

    private GmailStandIns() {
    }

    public static synchronized GoogleStandIn google() {
        if (google == null) {
            google = GoogleStandIn.start();
            google.onAccessToken((address, token) -> imap().accept(address, token));
        }
        return google;
    }

    public static synchronized GmailImapStandIn imap() {
        if (imap == null) {
            imap = GmailImapStandIn.start();
        }
        return imap;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Plugboard on {@code port}, with Gmail sign-in against the stand-ins; with or without Discord
     * sign-in. Its web port lets one address make plenty of requests (tests sign in many times a minute).
     */
    public static void register(DynamicPropertyRegistry registry, int port, boolean discordSignIn) {
        register(registry, port, discordSignIn, 100_000);
    }

    /** The same, with this many sign-in requests per minute from one address. */
    static void register(DynamicPropertyRegistry registry, int port, boolean discordSignIn, int requestsPerMinute) {
        GoogleStandIn google = google();
        registry.add("server.port", () -> port);
        registry.add("plugboard.web.rate-limit.requests-per-minute", () -> requestsPerMinute);
        registry.add("plugboard.sign-in.public-url", () -> "http://localhost:" + port);
        registry.add("plugboard.gmail.google.client-id", () -> CLIENT_ID);
        registry.add("plugboard.gmail.google.client-secret", () -> CLIENT_SECRET);
        registry.add("plugboard.gmail.google.authorization-uri", () -> google.url(GoogleStandIn.GOOGLE, "authorize"));
        registry.add("plugboard.gmail.google.token-uri", () -> google.url(GoogleStandIn.GOOGLE, "token"));
        registry.add("plugboard.gmail.google.user-info-uri", () -> google.url(GoogleStandIn.GOOGLE, "userinfo"));
        registry.add("plugboard.gmail.google.revoke-uri", () -> google.url(GoogleStandIn.GOOGLE, "revoke"));
        if (discordSignIn) {
            registry.add("plugboard.sign-in.discord-sign-in.client-id", () -> DISCORD_CLIENT_ID);
            registry.add("plugboard.sign-in.discord-sign-in.client-secret", () -> DISCORD_CLIENT_SECRET);
            registry.add("plugboard.sign-in.discord-sign-in.authorization-uri", () -> google.url(GoogleStandIn.DISCORD, "authorize"));
            registry.add("plugboard.sign-in.discord-sign-in.token-uri", () -> google.url(GoogleStandIn.DISCORD, "token"));
            registry.add("plugboard.sign-in.discord-sign-in.user-info-uri", () -> google.url(GoogleStandIn.DISCORD, "userinfo"));
        }
        registry.add("plugboard.gmail.imap-host", () -> "localhost");
        registry.add("plugboard.gmail.imap-port", () -> imap().port());
        // the stand-in's certificate comes from the test CA: trusted through the operator's store, as for every server
        TestTls.trustedBy(registry);
    }

    /**
     * The stand-ins' own logs are switched off (they print what they issue, and their stack
     * traces): what the tests read is Plugboard's log. Set early, with the test's properties.
     */
    public static final String QUIET_STAND_INS = "logging.level.no.nav.security=off";
}
