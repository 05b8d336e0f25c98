package app.plugboard.integration.calendar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) server on a loopback address for the calendar tests (the JDK's own server: it streams,
 * so a 50 MB answer is written as it is read, never held). It remembers what it was asked.
 */
public final class LocalServer implements AutoCloseable {

    /** What a request looked like when it arrived. */
    public record Seen(String method, String path, String authorization, String ifNoneMatch, String depth, String body) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    private LocalServer(HttpServer server) {
        this.server = server;
        server.setExecutor(pool);
        server.start();
    }

    public static LocalServer http() {
        return http("127.0.0.1");
    }

    static LocalServer http(String address) {
        try {
            return new LocalServer(HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalServer https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new LocalServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public LocalServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            connections.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("Depth"), new String(body, StandardCharsets.UTF_8)));
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                // the client went away (a cap, a deadline): expected in these tests
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
