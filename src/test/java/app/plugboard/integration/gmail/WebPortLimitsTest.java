package app.plugboard.integration.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web port's rate limit, per client address, on a Plugboard that lets one address make
 * {@value #PER_MINUTE} sign-in requests a minute. Requests are sent on raw sockets, so a test can
 * choose the address it sends from (any 127.x.y.z is this machine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = GmailStandIns.QUIET_STAND_INS)
@Import(GmailTestBeans.class)
@DisplayName("The web port's rate limit")
class WebPortLimitsTest {

    static final int PER_MINUTE = 5;
    static final int PORT = GmailStandIns.freePort();
    static final GoogleStandIn google = GmailStandIns.google();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        GmailStandIns.register(registry, PORT, false, PER_MINUTE);
    }

    @Test
    @DisplayName("past its share a minute, one address gets 429 with Retry-After on sign-in pages and callbacks; "
            + "X-Forwarded-For does not get around it; other addresses and health are still served")
    void limitedPerAddress() throws Exception {
        google.reset();
        // GIVEN one address used its share of sign-in requests
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(get("127.0.0.1", "/oauth2/expired", "")).as("request " + (i + 1)).startsWith("HTTP/1.1 404");
        }

        // WHEN it asks for another page, or sends a callback
        String page = get("127.0.0.1", "/oauth2/expired", "");
        String callback = get("127.0.0.1", "/oauth2/callback/google?state=" + "A".repeat(43) + "&code=some-code", "");

        // THEN both are refused with 429, a short plain answer and when to come back; the callback reached nothing
        for (String refused : new String[] {page, callback}) {
            assertThat(refused).startsWith("HTTP/1.1 429");
            assertThat(header(refused, "Retry-After")).matches("[1-9][0-9]?");
            assertThat(header(refused, "Content-Type")).startsWith("text/plain");
            assertThat(header(refused, "Cache-Control")).isEqualTo("no-store");
            assertThat(body(refused)).isEqualTo("Too many requests from your address. Wait a minute, then try again.\n");
        }
        assertThat(google.calls()).isEmpty();
        // AND a forged X-Forwarded-For does not make it someone else (forwarded headers are not trusted by default)
        assertThat(get("127.0.0.1", "/oauth2/expired", "X-Forwarded-For: 203.0.113.7\r\n")).startsWith("HTTP/1.1 429");
        // AND health is not limited
        assertThat(get("127.0.0.1", "/actuator/health", "")).startsWith("HTTP/1.1 200");
        // AND another address is served as usual
        assumeThat(canSendFrom("127.0.0.2")).as("this machine routes 127.0.0.2 to loopback").isTrue();
        assertThat(get("127.0.0.2", "/oauth2/expired", "")).startsWith("HTTP/1.1 404");
    }

    private static String get(String from, String path, String extraHeaders) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PORT, InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + PORT + "\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean canSendFrom(String address) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PORT, InetAddress.getByName(address), 0)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse("");
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
