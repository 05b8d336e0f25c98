package app.plugboard.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** The HTTP side: the JDK's server on loopback with a thread pool, reading JSON bodies. */
final class FakeRestServer {

    private static final int THREADS = 16;

    private final FakeDiscord fake;
    private final RestRoutes routes;
    private final HttpServer server;
    private final ExecutorService pool;

    FakeRestServer(FakeDiscord fake) {
        this.fake = fake;
        this.routes = new RestRoutes(fake);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "fake-discord-rest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
        } catch (IOException e) {
            throw new UncheckedIOException("fake REST server did not start", e);
        }
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            RestResponse response;
            if (!rawPath.startsWith(FakeDiscord.API_PREFIX)) {
                fake.recordUnknownRoute(method, rawPath);
                response = RestResponse.error(404, 0, "404: Not Found");
            } else {
                JsonNode body = bytes.length > 0 ? Json.parse(bytes) : Json.object(); // a file upload would fail here
                RestRequest request = new RestRequest(method, rawPath.substring(FakeDiscord.API_PREFIX.length()),
                        query == null ? "" : query, exchange.getRequestHeaders().getFirst("Authorization"), body);
                try {
                    RestResponse overGlobalLimit = fake.globalRateLimit.check(request);
                    response = overGlobalLimit != null ? overGlobalLimit
                            : fake.rateLimits().refuse(request).or(() -> fake.plannedFailure(request))
                                    .orElseGet(() -> routes.route(request));
                    response = fake.rateLimits().answered(request, response);
                } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                    fake.recordFailure(method + " " + request.path() + ": " + e);
                    response = RestResponse.error(500, 0, "fake-discord failed: " + e.getMessage());
                }
                fake.recordRequest(new RecordedRequest(method, request.path(), request.query(), request.body(),
                        response.status()));
            }
            write(exchange, response);
        } catch (IOException | RuntimeException e) {
            fake.recordFailure(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
            try {
                write(exchange, RestResponse.error(500, 0, "fake-discord failed"));
            } catch (IOException | RuntimeException ignored) {
                // the client is gone; nothing more to tell it
            }
        } finally {
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, RestResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = Json.bytes(response.json());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
