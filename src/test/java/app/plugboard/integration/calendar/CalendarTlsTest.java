package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.net.AddressRange;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import app.plugboard.testsupport.mail.TestTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A self-hosted calendar (Nextcloud with a home CA, say) over https: its certificate comes from the test CA
 * ("Plugboard Test CA", for "localhost"), which the JDK does not know and the operator's trust store
 * (src/test/resources/tls/trust.p12) holds. Host names are checked whatever the store holds.
 */
@DisplayName("Calendars over https: the operator's trust store, and what a refused certificate is called")
class CalendarTlsTest {

    static final String TOKEN = "private-SECRET-TOKEN-4711";

    final StubResolver resolver = new StubResolver().with("localhost", "127.0.0.1").with("calendar.example.test", "127.0.0.1");
    final DestinationGuard guard = new DestinationGuard(resolver, List.of(AddressRange.parse("127.0.0.1/32")));
    final LocalServer server = LocalServer.https(TestTls.serverContext())
            .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar; charset=utf-8",
                    CalendarParsingTest.resource("google-family.ics")));

    @AfterEach
    void stop() {
        server.close();
    }

    /** The calendar probes as the application builds them, trusting what {@code trust} trusts. */
    record Probes(FeedProbe feeds, CalDavProbe davs) {
    }

    Probes probes(TlsTrust trust) {
        CalendarHttp http = new CalendarHttp(guard, CalendarProperties.defaults().limits()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).withDeadline(Duration.ofSeconds(5)),
                CalendarHttp.Tls.of(trust));
        CalendarSources sources = new CalendarSources(http, new IcsReader(), new FeedCache(1 << 20),
                Clock.fixed(CalendarParsingTest.NOW, ZoneOffset.UTC));
        return new Probes(new FeedProbe(sources, ZoneOffset.UTC), new CalDavProbe(new CalDav(sources), sources, ZoneOffset.UTC));
    }

    static TlsTrust jdkOnly() {
        return TlsTrust.jdkOnly();
    }

    static TlsTrust withTestCa() {
        return TlsTrust.load(TestTls.trustStore().toString(), TestTls.PASSWORD);
    }

    CalendarFeedSettings feed(String host) {
        return new CalendarFeedSettings(Secret.of("https://" + host + ":" + server.port() + "/calendar/" + TOKEN + "/basic.ics"),
                null, null);
    }

    @Test
    @DisplayName("without the store, a certificate from a private CA is \"not trusted\", never \"not valid for the host\"")
    void untrustedWithoutStore() {
        // GIVEN Plugboard trusting the JDK's CAs only
        Probes probes = probes(jdkOnly());

        // WHEN the feed and a CalDAV account on that server are checked
        CheckResult feed = probes.feeds().check(feed("localhost"));
        CheckResult dav = probes.davs().check(new CalDavSettings("https://localhost:" + server.port() + "/remote.php/dav",
                "alice", Secret.of("dav-password"), null, null));

        // THEN both say the certificate is not trusted and what the operator can do, naming the address field
        String why = " could not be read: its certificate is not trusted (self-signed or signed by an unknown authority). If the"
                + " server has its own CA, the operator of this Plugboard can add that CA to its trust store.";
        assertThat(feed.message()).isEqualTo("The calendar at https://localhost:" + server.port() + "/..." + why);
        assertThat(feed.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(feed.field()).isEqualTo(CalendarFeedSettings.URL);
        assertThat(dav.message()).startsWith("The calendar at https://localhost:" + server.port() + "/...").endsWith(why);
        assertThat(dav.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(List.of(feed.message(), dav.message())).noneMatch(message -> message.contains("not valid for"));
        // AND nothing was read from the server
        assertThat(server.seen).isEmpty();
    }

    @Test
    @DisplayName("with the store, the feed is read")
    void readWithStore() {
        // GIVEN Plugboard trusting the JDK's CAs and the operator's store with the test CA
        Probes probes = probes(withTestCa());

        // WHEN the feed is checked
        CheckResult result = probes.feeds().check(feed("localhost"));

        // THEN it is read
        assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
        assertThat(result.message()).startsWith("Familie Müller: 3 events. Next:");
    }

    @Test
    @DisplayName("with the store, a trusted certificate for another name is \"not valid for <host>\": host names stay checked")
    void anotherNameWithStore() {
        // GIVEN the trusted server reached under a name its certificate does not carry
        Probes probes = probes(withTestCa());

        // WHEN the feed is checked under that name
        CheckResult result = probes.feeds().check(feed("calendar.example.test"));

        // THEN it is refused as a certificate for another host, and nothing was read
        assertThat(result.message()).isEqualTo("The calendar at https://calendar.example.test:" + server.port() + "/... could not"
                + " be read: its certificate is not valid for calendar.example.test (Plugboard only talks to servers with a"
                + " valid certificate).");
        assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(server.seen).isEmpty();
    }

    @Test
    @DisplayName("an https address on a server that answers in plain text: no secure connection, not a certificate problem")
    void noTlsAtAll() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            // GIVEN a server without TLS (it answers every connection with a plain HTTP error), addressed with https://
            Thread answering = new Thread(() -> {
                try (Socket client = plain.accept()) {
                    client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test is over
                }
            });
            answering.setDaemon(true);
            answering.start();
            Probes probes = probes(withTestCa());

            // WHEN it is checked
            CheckResult result = probes.feeds().check(new CalendarFeedSettings(
                    Secret.of("https://localhost:" + plain.getLocalPort() + "/" + TOKEN), null, null));

            // THEN the person is told that no secure connection could be made, not that a certificate is wrong
            assertThat(result.message()).isEqualTo("The calendar at https://localhost:" + plain.getLocalPort() + "/... could"
                    + " not be read: no secure connection could be set up with it: check that the address is right (an"
                    + " https:// address needs a server that speaks TLS on that port).");
            assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
        }
    }

    @Test
    @DisplayName("with the store, an expired certificate from the operator's CA is \"expired\", not \"not trusted\"")
    void expiredWithStore() {
        // GIVEN a server whose certificate from the operator's CA expired long ago
        try (LocalServer expired = LocalServer.https(TestTls.expiredServerContext())
                .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", new byte[] {'x'}))) {
            Probes probes = probes(withTestCa());

            // WHEN its feed is checked
            CheckResult result = probes.feeds().check(new CalendarFeedSettings(
                    Secret.of("https://localhost:" + expired.port() + "/" + TOKEN), null, null));

            // THEN the person is told the certificate expired, and nothing was read
            assertThat(result.message()).isEqualTo("The calendar at https://localhost:" + expired.port() + "/... could not be"
                    + " read: its certificate has expired (or is not valid yet): the server's operator must renew it.");
            assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
            assertThat(expired.seen).isEmpty();
        }
    }
}
