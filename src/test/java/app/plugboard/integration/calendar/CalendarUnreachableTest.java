package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.net.AddressRange;
import app.plugboard.net.DestinationGuard;
import app.plugboard.testsupport.mail.FullBacklog;
import app.plugboard.testsupport.mail.ImapScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whether a host name exists, whether its address is blocked, whether a port is closed or drops packets:
 * none of it may show in what a person reads, or someone could map internal names and ports through the
 * bot. Loopback (127.0.0.1) is open here, as test configuration, so that the closed and the dropping port
 * are reached.
 */
@DisplayName("Calendars: an unknown name, a blocked address, a closed port and a silent port read exactly the same")
class CalendarUnreachableTest {

    static final String TOKEN = "private-SECRET-TOKEN-4711";

    final StubResolver resolver = new StubResolver().with("calendar.example.test", "127.0.0.1")
            .with("calendar.lan.test", "192.168.1.20");
    final CalendarHttp http = new CalendarHttp(new DestinationGuard(resolver, List.of(AddressRange.parse("127.0.0.1/32"))),
            CalendarProperties.defaults().limits().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2))
                    .withDeadline(Duration.ofSeconds(5)));
    final CalendarSources sources = new CalendarSources(http, new IcsReader(), new FeedCache(1 << 20),
            Clock.fixed(CalendarParsingTest.NOW, ZoneOffset.UTC));
    final FeedProbe feeds = new FeedProbe(sources, ZoneOffset.UTC);
    final CalDavProbe davs = new CalDavProbe(new CalDav(sources), sources, ZoneOffset.UTC);
    FullBacklog dropping;

    /** Why the calendar's server cannot be used. */
    enum Destination {
        UNKNOWN_NAME("a name that does not exist"),
        NAME_OF_A_PRIVATE_ADDRESS("a name that resolves to a private address"),
        PRIVATE_LITERAL("a private address typed as such"),
        CLOSED_PORT("a loopback port where nothing listens (loopback allowed by the test)"),
        DROPPING_PORT("a loopback port that drops connection attempts, so the connect times out");

        final String description;

        Destination(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    record Target(String host, int port) {
    }

    @BeforeEach
    void openDroppingPort() throws IOException {
        dropping = ImapScripts.fullBacklog();
    }

    @AfterEach
    void closeDroppingPort() throws IOException {
        dropping.close();
    }

    Target target(Destination destination) {
        return switch (destination) {
            case UNKNOWN_NAME -> new Target("calendar.nowhere.test", closedPort());
            case NAME_OF_A_PRIVATE_ADDRESS -> new Target("calendar.lan.test", closedPort());
            case PRIVATE_LITERAL -> new Target("10.0.0.1", closedPort());
            case CLOSED_PORT -> new Target("calendar.example.test", closedPort());
            case DROPPING_PORT -> new Target("calendar.example.test", dropping.port());
        };
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertCouldNotReach(CheckResult result, Target target) {
        assertThat(result.message()).isEqualTo("Could not reach " + target.host() + ":" + target.port()
                + ": check the address, or try again later.");
        assertThat(result.status()).isEqualTo(IntegrationStatus.FAILING);
        assertThat(result.field()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Destination.class)
    @DisplayName("an iCal feed: \"could not reach host:port\", failing for now")
    void feed(Destination destination) {
        // GIVEN a feed address whose server cannot be used, for one of the reasons
        Target target = target(destination);

        // WHEN it is checked
        CheckResult result = feeds.check(new CalendarFeedSettings(
                Secret.of("http://" + target.host() + ":" + target.port() + "/" + TOKEN + "/basic.ics"), null, null));

        // THEN the person reads the same words and status whatever the reason
        assertCouldNotReach(result, target);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Destination.class)
    @DisplayName("CalDAV discovery: the same words, failing for now")
    void calDavDiscovery(Destination destination) {
        // GIVEN a CalDAV server that cannot be used, for one of the reasons
        Target target = target(destination);

        // WHEN its calendars are looked for
        CheckResult result = davs.check(new CalDavSettings("http://" + target.host() + ":" + target.port() + "/remote.php/dav",
                "alice", Secret.of("dav-password"), null, null));

        // THEN the person reads the same words and status whatever the reason
        assertCouldNotReach(result, target);
    }
}
