package app.plugboard.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The HTTP side: the JDK's server on loopback with a thread pool, parsing JSON and multipart bodies. */
final class FakeRestServer {

    private static final Pattern FILE_PART = Pattern.compile("files\\[(\\d+)]");
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
            if (rawPath.startsWith(FakeDiscord.ATTACHMENTS_PREFIX)) {
                response = routes.attachment(rawPath.substring(FakeDiscord.ATTACHMENTS_PREFIX.length()));
            } else if (!rawPath.startsWith(FakeDiscord.API_PREFIX)) {
                fake.recordUnknownRoute(method, rawPath);
                response = RestResponse.error(404, 0, "404: Not Found");
            } else {
                RestRequest request = parse(exchange, method, rawPath, query, bytes);
                try {
                    response = routes.route(request);
                } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                    fake.recordFailure(method + " " + request.path() + ": " + e);
                    response = RestResponse.error(500, 0, "fake-discord failed: " + e.getMessage());
                }
                fake.recordRequest(new RecordedRequest(method, request.path(), query == null ? "" : query,
                        request.body(), response.status()));
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

    private static RestRequest parse(HttpExchange exchange, String method, String rawPath, String query,
                                     byte[] bytes) {
        String path = rawPath.substring(FakeDiscord.API_PREFIX.length());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<Integer, Multipart.Part> files = new HashMap<>();
        JsonNode body = Json.object();
        if (Multipart.isMultipart(contentType)) {
            for (Multipart.Part part : Multipart.parse(contentType, bytes)) {
                Matcher file = part.name() == null ? null : FILE_PART.matcher(part.name());
                if ("payload_json".equals(part.name())) {
                    body = Json.parse(part.content());
                } else if (file != null && file.matches()) {
                    files.put(Integer.parseInt(file.group(1)), part);
                }
            }
        } else if (bytes.length > 0) {
            body = Json.parse(bytes);
        }
        return new RestRequest(method, path, query == null ? "" : query, authorization, body, files);
    }

    private static void write(HttpExchange exchange, RestResponse response) throws IOException {
        if (response.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        byte[] bytes;
        if (response.raw() != null) {
            bytes = response.raw();
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        } else {
            bytes = Json.bytes(response.json());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
