package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.FetchException.Reason;
import app.plugboard.net.AddressRange;
import app.plugboard.net.DestinationGuard;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The fetcher against real servers on loopback. Loopback is reachable only because these tests open
 * 127.0.0.1/32 in the guard's allowed ranges, the way an operator would; names come from a stub resolver.
 * Every address carries a private token in its path, and no log line may show it.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("CalendarHttp: fetching what a person named, safely")
class CalendarHttpTest {

    static final String TOKEN = "private-SECRET-TOKEN-4711";
    static final String HOST = "calendar.example.test";
    static final String OTHER = "other.example.test";

    final StubResolver resolver = new StubResolver()
            .with(HOST, "127.0.0.1")
            .with(OTHER, "127.0.0.1")
            .with("metadata.example.test", "169.254.169.254")
            .with("lan.example.test", "192.168.1.10")
            .with("mixed.example.test", "93.184.216.34", "10.0.0.1")
            .with("six.example.test", "::1");
    final DestinationGuard guard = new DestinationGuard(resolver, List.of(AddressRange.parse("127.0.0.1/32")));
    final FetchLimits limits = CalendarProperties.defaults().limits()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withDeadline(Duration.ofSeconds(4));
    LocalServer server = LocalServer.http();
    CalendarHttp http = new CalendarHttp(guard, limits);

    @AfterEach
    void stop() {
        server.close();
    }

    URI at(String path) {
        return URI.create("http://" + HOST + ":" + server.port() + path);
    }

    /** One request, with a check's budget of its own. */
    HttpAnswer send(HttpCall call) throws FetchException {
        return http.send(call, http.budget());
    }

    FetchException refused(URI url) {
        FetchException refused = catchThrowableOfType(FetchException.class, () -> send(HttpCall.get(url, null)));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    @Test
    @DisplayName("fetches a feed by name: resolved once by the guard, connected to the checked address")
    void fetches() throws Exception {
        server.on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar; charset=utf-8",
                CalendarParsingTest.resource("google-family.ics")));

        HttpAnswer answer = send(HttpCall.get(at("/calendar/ical/" + TOKEN + "/basic.ics"), null));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CalendarParsingTest.resource("google-family.ics"));
        assertThat(resolver.asked).containsExactly(HOST);
        assertThat(answer.toString()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("webcal:// is fetched as https://, with TLS verifying the real host name (SNI) on the checked address")
    void webcalOverTls() throws Exception {
        server.close();
        server = LocalServer.https(TestTls.server(HOST))
                .on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)));
        http = new CalendarHttp(guard, limits, TestTls.client(HOST, OTHER));

        HttpAnswer answer = send(HttpCall.get(URI.create("webcal://" + HOST + ":" + server.port() + "/" + TOKEN), null));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.url().getScheme()).isEqualTo("https");

        // the same server under another name: its certificate does not fit, so no answer is read
        FetchException refused = refused(URI.create("https://" + OTHER + ":" + server.port() + "/" + TOKEN));
        assertThat(refused.reason()).isEqualTo(Reason.TLS);
        assertThat(refused.getMessage()).isEqualTo("The calendar at https://other.example.test:" + server.port()
                + "/... could not be read: its certificate is not valid for other.example.test (Plugboard only talks to"
                + " servers with a valid certificate).");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file:///etc/passwd", "jar:http://calendar.example.test/x.jar!/cal.ics", "ftp://calendar.example.test/cal.ics",
            "gopher://calendar.example.test:70/1"})
    @DisplayName("file, jar, ftp and gopher addresses are refused, naming the scheme")
    void schemes(String address) {
        FetchException refused = refused(URI.create(address));

        assertThat(refused.reason()).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(refused.getMessage()).isEqualTo("The address is a " + address.substring(0, address.indexOf(':') + 1)
                + " address; Plugboard only fetches https://, http:// and webcal:// addresses.");
        assertThat(resolver.asked).isEmpty();
    }

    @Test
    @DisplayName("a username or password inside the address is refused")
    void userInfo() {
        FetchException refused = refused(URI.create("https://alice:" + TOKEN + "@" + HOST + "/cal.ics"));

        assertThat(refused.reason()).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(refused.getMessage()).contains("username or password before the server name").doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("plain http can be turned off")
    void httpOff() {
        http = new CalendarHttp(guard, limits.withAllowHttp(false));

        FetchException refused = refused(at("/" + TOKEN));

        assertThat(refused.reason()).isEqualTo(Reason.BAD_ADDRESS);
        assertThat(refused.getMessage()).contains("a plain http:// address, and this Plugboard only fetches https://");
        assertThat(server.connections).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"metadata.example.test", "lan.example.test", "mixed.example.test", "six.example.test",
            "127.0.0.2", "0x7f000002", "2130706434", "[::ffff:127.0.0.2]", "169.254.169.254", "10.0.0.1"})
    @DisplayName("names that resolve to private addresses, and private numeric forms, are refused before any connection")
    void privateAddresses(String host) {
        FetchException refused = refused(URI.create("http://" + host + ":" + server.port() + "/" + TOKEN));

        assertThat(refused.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(refused.getMessage()).startsWith("Could not reach ").endsWith(": check the address, or try again later.");
        assertThat(server.connections).hasValue(0);
    }

    @Test
    @DisplayName("refused and blocked read the same: no port-scanning oracle")
    void refusedLikeBlocked() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        resolver.with("lan2.example.test", "192.168.1.11");

        FetchException closed = refused(URI.create("http://" + HOST + ":" + closedPort + "/" + TOKEN));
        FetchException blocked = refused(URI.create("http://lan2.example.test:" + closedPort + "/" + TOKEN));

        assertThat(closed.reason()).isEqualTo(blocked.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(closed.getMessage().replace(HOST, "X")).isEqualTo(blocked.getMessage().replace("lan2.example.test", "X"));
    }

    @Test
    @DisplayName("a redirect to loopback is checked like the first address and refused; nothing reaches the target")
    void redirectToLoopback() throws Exception {
        try (LocalServer inside = LocalServer.http("127.0.0.2").on("/", exchange -> LocalServer.send(exchange, 200, null, new byte[1]))) {
            server.on("/", exchange -> LocalServer.redirect(exchange, 302, "http://127.0.0.2:" + inside.port() + "/admin"));

            FetchException refused = refused(at("/" + TOKEN));

            assertThat(refused.reason()).isEqualTo(Reason.UNREACHABLE);
            assertThat(refused.getMessage()).isEqualTo("Could not reach 127.0.0.2:" + inside.port()
                    + ": check the address, or try again later.");
            assertThat(inside.connections).hasValue(0);
        }
    }

    @Test
    @DisplayName("redirects: followed and re-checked, at most five, never from https to plain http, never to file:")
    void redirects() throws Exception {
        server.on("/loop", exchange -> LocalServer.redirect(exchange, 302, "/loop"))
                .on("/file", exchange -> LocalServer.redirect(exchange, 301, "file:///etc/passwd"))
                .on("/moved", exchange -> LocalServer.redirect(exchange, 308, "/feed.ics"))
                .on("/feed.ics", exchange -> LocalServer.send(exchange, 200, "text/calendar", "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)));

        assertThat(send(HttpCall.get(at("/moved"), null)).url().getPath()).isEqualTo("/feed.ics");
        FetchException loop = refused(at("/loop"));
        assertThat(loop.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        assertThat(loop.getMessage()).endsWith("could not be read: it redirects more than 5 times, so Plugboard stopped following.");
        FetchException file = refused(at("/file"));
        assertThat(file.reason()).isEqualTo(Reason.BAD_REDIRECT);
        assertThat(file.getMessage()).contains("it redirects to a file: address");

        try (LocalServer tls = LocalServer.https(TestTls.server(HOST))
                .on("/", exchange -> LocalServer.redirect(exchange, 302, "http://" + HOST + ":" + server.port() + "/feed.ics"))) {
            http = new CalendarHttp(guard, limits, TestTls.client(HOST));
            FetchException downgrade = refused(URI.create("https://" + HOST + ":" + tls.port() + "/" + TOKEN));
            assertThat(downgrade.reason()).isEqualTo(Reason.INSECURE_REDIRECT);
            assertThat(downgrade.getMessage()).contains("it redirects from https to plain http");
        }
        assertThat(server.seen).extracting(LocalServer.Seen::path).doesNotContain("/etc/passwd");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Https", "HTTPS", "hTTps"})
    @DisplayName("an https address typed with capitals (a phone's keyboard) is still never downgraded to plain http")
    void downgradeWhateverTheCase(String scheme) throws Exception {
        // GIVEN an https server that redirects to the same feed over plain http
        server.on("/feed.ics", exchange -> LocalServer.send(exchange, 200, "text/calendar",
                "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)));
        try (LocalServer tls = LocalServer.https(TestTls.server(HOST))
                .on("/", exchange -> LocalServer.redirect(exchange, 302, "http://" + HOST + ":" + server.port() + "/feed.ics"))) {
            http = new CalendarHttp(guard, limits, TestTls.client(HOST));

            // WHEN the address starts with a capitalised scheme
            FetchException downgrade = refused(URI.create(scheme + "://" + HOST + ":" + tls.port() + "/" + TOKEN));

            // THEN the redirect is refused and the plain http server is never asked
            assertThat(downgrade.reason()).isEqualTo(Reason.INSECURE_REDIRECT);
            assertThat(downgrade.getMessage()).contains("it redirects from https to plain http");
            assertThat(tls.seen).hasSize(1);
            assertThat(server.connections).hasValue(0);
        }
    }

    @Test
    @DisplayName("credentials go to the address's own origin only: dropped when a redirect leaves it")
    void credentialsStayHome() throws Exception {
        try (LocalServer elsewhere = LocalServer.http().on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar",
                "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)))) {
            server.on("/same", exchange -> LocalServer.redirect(exchange, 302, "/final"))
                    .on("/final", exchange -> LocalServer.send(exchange, 200, "text/calendar", new byte[] {'x'}))
                    .on("/away", exchange -> LocalServer.redirect(exchange, 302, "http://" + OTHER + ":" + elsewhere.port() + "/x.ics"));
            HttpCall.Credentials alice = new HttpCall.Credentials("alice", Secret.of("pa55word"));

            send(new HttpCall("GET", at("/same"), java.util.Map.of(), null, alice, null));
            send(new HttpCall("GET", at("/away"), java.util.Map.of(), null, alice, null));

            assertThat(server.seen).extracting(LocalServer.Seen::authorization).allSatisfy(value -> assertThat(value).startsWith("Basic "));
            assertThat(elsewhere.seen).singleElement().extracting(LocalServer.Seen::authorization).isNull();
        }
    }

    @Test
    @DisplayName("conditional requests: the validators of the last answer make a re-fetch of an unchanged feed a 304")
    void conditional() throws Exception {
        server.on("/", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalServer.send(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT");
            LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("apple-icloud.ics"));
        });

        HttpAnswer first = send(HttpCall.get(at("/" + TOKEN), null));
        HttpAnswer again = send(HttpCall.get(at("/" + TOKEN), null).withValidators(first.validators()));

        assertThat(first.validators()).isEqualTo(new HttpCall.Validators("\"v1\"", "Wed, 25 Nov 2026 10:00:00 GMT"));
        assertThat(again.notModified()).isTrue();
        assertThat(again.body()).isEmpty();
    }

    @Test
    @Timeout(60)
    @DisplayName("50 MB: refused at the cap while streaming, whatever Content-Length says (or without one)")
    void fiftyMegabytes() throws Exception {
        server.on("/chunked", exchange -> stream(exchange, 0, 50L << 20))
                .on("/declared", exchange -> stream(exchange, 50L << 20, 50L << 20));
        long heapBefore = usedHeap();

        for (String path : List.of("/chunked", "/declared")) {
            FetchException refused = refused(at(path));
            assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(refused.getMessage()).endsWith("could not be read: it sends more than 10 MB, more than Plugboard reads.");
        }
        assertThat(usedHeap() - heapBefore).isLessThan(200L << 20);
    }

    @Test
    @Timeout(30)
    @DisplayName("a slow drip stops at the deadline, although every byte comes before the read timeout")
    void slowDrip() {
        server.on("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();

        FetchException refused = refused(at("/" + TOKEN));

        assertThat(refused.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(refused.getMessage()).endsWith("could not be read: it took longer than 4 s to send everything.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(30)
    @DisplayName("a server that stops sending is given up after the read timeout")
    void silent() {
        server.on("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        http = new CalendarHttp(guard, limits.withDeadline(Duration.ofSeconds(8)));

        FetchException refused = refused(at("/" + TOKEN));

        assertThat(refused.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(refused.getMessage()).endsWith("could not be read: it stopped answering for more than 2 s.");
    }

    @Test
    @Timeout(60)
    @DisplayName("a gzip bomb stops at the unpacked cap; a normal gzip answer is unpacked")
    void gzip() throws Exception {
        byte[] bomb = gzipOfZeros(200L << 20);
        byte[] feed = CalendarParsingTest.resource("outlook-exchange.ics");
        server.on("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(exchange, 200, "text/calendar", bomb);
        }).on("/feed", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(exchange, 200, "text/calendar", gzip(feed));
        });

        FetchException refused = refused(at("/bomb"));
        assertThat(refused.reason()).isEqualTo(Reason.UNPACKED_TOO_LARGE);
        assertThat(refused.getMessage()).endsWith("it is compressed and unpacks to more than 10 MB, more than Plugboard reads.");
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(send(HttpCall.get(at("/feed"), null)).body()).isEqualTo(feed);
    }

    @Test
    @DisplayName("no failure logs the address's path or token")
    void neverLogged(CapturedOutput output) throws Exception {
        server.on("/loop", exchange -> LocalServer.redirect(exchange, 302, "/loop"))
                .on("/big", exchange -> stream(exchange, 0, 11L << 20))
                .on("/broken", exchange -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    LocalServer.send(exchange, 200, null, "not gzip".getBytes(StandardCharsets.UTF_8));
                });
        for (String address : List.of("http://metadata.example.test/" + TOKEN, "http://unknown.example.test/" + TOKEN,
                "ftp://" + HOST + "/" + TOKEN, at("/loop?" + TOKEN).toString(), at("/big/" + TOKEN).toString(),
                at("/broken/" + TOKEN).toString())) {
            FetchException refused = refused(URI.create(address));
            assertThat(refused.getMessage()).doesNotContain(TOKEN);
        }

        assertThat(output.getAll()).contains("Calendar fetch from").doesNotContain(TOKEN);
    }

    static void stream(HttpExchange exchange, long declared, long total) throws IOException {
        exchange.sendResponseHeaders(200, declared);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'A');
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
            }
        }
    }

    static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
