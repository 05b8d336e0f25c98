package app.plugboard.ops;

import static app.plugboard.discord.fake.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.UserId;
import app.plugboard.discord.fake.Callback;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.DiscordTest;
import app.plugboard.testsupport.ScriptedProbes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * {@code /actuator/prometheus} as an operator's Prometheus scrapes it: on the management port, after a few
 * interactions through the real JDA client and the fake Discord, with the real app on embedded PostgreSQL.
 */
@DiscordTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ScriptedProbes.class)
@DisplayName("Metrics on the management port")
class MetricsEndpointTest {

    @Autowired
    FakeDiscord discord;
    @Autowired
    IntegrationService integrations;
    @Autowired
    Notifier notifier;
    @LocalServerPort
    int webPort;
    @LocalManagementPort
    int managementPort;

    FakeUser alice;

    @Test
    @DisplayName("after a few interactions the counters moved: interactions by command and outcome, acknowledgement and answer times, checks by type and outcome, direct messages, both database pools")
    void scrape() {
        // GIVEN what Prometheus would read now
        Scrape before = Scrape.of(managementPort);

        // WHEN Alice lists her integrations, opens the IMAP form and gives a port that is no number (refused, Try again),
        discord.slash(alice, "integration", "list", Map.of()).awaitMessage(m -> m.text().contains("integrations"));
        Callback form = discord.slash(alice, "integration", "add", options("type", "imap", "label", "Work mail")).awaitCallback();
        FakeInteraction refused = discord.modalSubmit(alice, form.customId(), imap("99x"), security());
        assertThat(refused.awaitCallback().content()).contains("Port must be a number");
        // AND tries again: checked, connected, stored; then checks it now, and clicks a button for an integration that is gone
        Callback again = discord.button(alice, refused.message().button("Try again").path("custom_id").asString(),
                refused.message()).awaitCallback();
        FakeInteraction added = discord.modalSubmit(alice, again.customId(), imap("993"), security());
        added.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("is connected"));
        IntegrationView work = integrations.list(new UserId(alice.id())).get(0);
        assertThat(work.status()).isEqualTo(IntegrationStatus.CONNECTED);
        FakeInteraction check = discord.slash(alice, "integration", "check", options("integration", work.id().toString()));
        check.awaitOriginalEdit(edit -> edit.path("content").asString("").contains("Connected as"));
        FakeMessage shown = check.message();
        FakeInteraction gone = discord.forgedButton(alice, "int:check:" + UUID.randomUUID(), shown);
        gone.awaitMessage(m -> m.content().equals("This has expired. Run the command again."));
        // AND Plugboard sends her a direct message, and one that Discord refuses
        notifier.notify(new UserId(alice.id()), Message.text("One for you."), null);
        await().until(() -> discord.directMessagesTo(alice).size() == 1);
        discord.failNext(1, 403, "POST", "channels/{channel}/messages");
        notifier.notify(new UserId(alice.id()), Message.text("Another one."), null);

        // THEN the management port's /actuator/prometheus shows each of them
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape after = Scrape.of(managementPort);
            assertThat(after.since(before, "plugboard_interactions_total",
                    Map.of("kind", "command", "command", "/integration list", "outcome", "answered"))).isEqualTo(1);
            assertThat(after.since(before, "plugboard_interactions_total",
                    Map.of("kind", "command", "command", "/integration add", "outcome", "answered"))).isEqualTo(1);
            assertThat(after.since(before, "plugboard_interactions_total",
                    Map.of("kind", "form", "command", "int:submit", "outcome", "refused"))).isEqualTo(1);
            assertThat(after.since(before, "plugboard_interactions_total",
                    Map.of("kind", "form", "command", "int:submit", "outcome", "answered"))).isEqualTo(1);
            assertThat(after.since(before, "plugboard_interactions_total",
                    Map.of("kind", "command", "command", "/integration check", "outcome", "answered"))).isEqualTo(1);
            assertThat(after.since(before, "plugboard_interactions_total",
                    Map.of("kind", "button", "command", "int:check", "outcome", "expired"))).isEqualTo(1);
            // the connection checks, by type, what started them and what they found, as histograms
            Map<String, String> whenAdded = Map.of("type", "imap", "kind", "imap", "trigger", "new-settings", "outcome", "connected");
            Map<String, String> checked = Map.of("type", "imap", "kind", "imap", "trigger", "on-request", "outcome", "connected");
            assertThat(after.since(before, "plugboard_connection_checks_seconds_count", whenAdded)).isEqualTo(1);
            assertThat(after.since(before, "plugboard_connection_checks_seconds_count", checked)).isEqualTo(1);
            assertThat(after.since(before, "plugboard_connection_checks_seconds_bucket", with(checked, "le", "30.0"))).isEqualTo(1);
            // the Discord edge: every first answer within Discord's 3 s, the final answers of the forms delivered
            assertThat(after.since(before, "plugboard_discord_acknowledgement_seconds_count",
                    Map.of("response", "modal", "outcome", "accepted"))).isEqualTo(2);
            assertThat(after.since(before, "plugboard_discord_acknowledgement_seconds_count",
                    Map.of("response", "progress", "outcome", "accepted"))).as("the form, Check now, the gone button").isEqualTo(3);
            assertThat(after.since(before, "plugboard_discord_acknowledgement_seconds_bucket", Map.of("le", "3.0")))
                    .isEqualTo(after.since(before, "plugboard_discord_acknowledgement_seconds_count", Map.of()))
                    .isGreaterThanOrEqualTo(7);
            assertThat(after.since(before, "plugboard_discord_answer_seconds_count",
                    Map.of("kind", "form", "outcome", "delivered"))).isEqualTo(2);
            assertThat(after.since(before, "plugboard_discord_direct_messages_total", Map.of("outcome", "delivered"))).isEqualTo(1);
            assertThat(after.since(before, "plugboard_discord_direct_messages_total", Map.of("outcome", "failed"))).isEqualTo(1);
            // the database pools: the chat's, and the web port's own
            assertThat(after.value("hikaricp_connections_max", Map.of("pool", "plugboard"))).isEqualTo(10);
            assertThat(after.value("hikaricp_connections_max", Map.of("pool", "plugboard-web"))).isEqualTo(2);
            assertThat(after.since(before, "hikaricp_connections_acquire_seconds_count", Map.of("pool", "plugboard")))
                    .isPositive();
            // the slow work's queue
            assertThat(after.matching("executor_queued_tasks", Map.of("name", "chatSlowWork"))).isNotEmpty();
        });
        // AND no label carries a user id, a label or a value she typed
        String text = get(managementPort, "/actuator/prometheus").body();
        assertThat(text).doesNotContain(String.valueOf(alice.id()), "Work mail", "alice@example.com", "imap.example.com",
                work.id().toString());
    }

    @Test
    @DisplayName("the public web port refuses /actuator/prometheus and every other actuator endpoint, and still answers health as UP only")
    void notOnTheWebPort() {
        for (String path : List.of("/actuator/prometheus", "/actuator", "/actuator/metrics", "/actuator/health/db")) {
            HttpResponse<String> response = get(webPort, path);
            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("hikaricp", "plugboard_", "components");
        }
        HttpResponse<String> health = get(webPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        // WHILE the management port shows health with its parts, and nothing it does not expose
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"", "\"components\"", "\"db\"");
        HttpResponse<String> env = get(managementPort, "/actuator/env");
        assertThat(env.statusCode()).isIn(403, 404);
        assertThat(env.body()).doesNotContain("propertySources");
    }

    @Test
    @DisplayName("the management port listens on loopback only by default (the web port on every address)")
    void loopbackByDefault() throws IOException {
        // the kernel's own list of listening sockets (Linux): where each port is bound
        List<InetAddress> management = listeningOn(managementPort);
        List<InetAddress> web = listeningOn(webPort);

        assertThat(management).isNotEmpty().allSatisfy(address -> assertThat(address.isLoopbackAddress()).as(address.toString()).isTrue());
        assertThat(web).isNotEmpty().anySatisfy(address -> assertThat(address.isAnyLocalAddress()).as(address.toString()).isTrue());
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(managementPort).isNotEqualTo(webPort);
    }

    private static Map<String, String> imap(String port) {
        return Map.of("username", "alice@example.com", "password", "s3cret", "server", "imap.example.com", "port", port);
    }

    private static Map<String, List<String>> security() {
        return Map.of("security", List.of("IMPLICIT_TLS"));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The local addresses of the sockets listening on {@code port}, from /proc/net/tcp and tcp6. */
    private static List<InetAddress> listeningOn(int port) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            assertThat(file).as("this test reads Linux's socket tables").exists();
            List<String> sockets = Files.readAllLines(file);
            for (String line : sockets.subList(1, sockets.size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                if (local[1].equals(hexPort) && columns[3].equals("0A")) { // 0A: LISTEN
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** The kernel prints an address as 32-bit words in the machine's byte order (little-endian here). */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
