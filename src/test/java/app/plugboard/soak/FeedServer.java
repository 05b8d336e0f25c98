package app.plugboard.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The people's calendar provider on loopback: each feed is a private address with a token in its path, as
 * Google's and Outlook's are, serving a small calendar; an address the provider replaced answers 404. It
 * keeps no record of the requests (a soak makes many), only their count.
 */
final class FeedServer implements AutoCloseable {

    static final String CALENDAR_NAME = "Team rota";
    private static final byte[] CALENDAR = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plugboard soak//EN",
            "X-WR-CALNAME:" + CALENDAR_NAME,
            "BEGIN:VEVENT", "UID:standup@soak", "DTSTAMP:20260101T000000Z", "DTSTART:20260105T090000Z",
            "DTEND:20260105T091500Z", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "SUMMARY:Stand-up", "END:VEVENT",
            "BEGIN:VEVENT", "UID:review@soak", "DTSTAMP:20260101T000000Z", "DTSTART:20260109T150000Z",
            "DTEND:20260109T160000Z", "RRULE:FREQ=WEEKLY;BYDAY=FR", "SUMMARY:Review", "END:VEVENT",
            "END:VCALENDAR", "").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();

    private FeedServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    static FeedServer start() {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "soak-feeds-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 200);
            FeedServer feeds = new FeedServer(server, pool);
            server.setExecutor(pool);
            server.createContext("/feeds/", feeds::serve);
            server.start();
            return feeds;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    /** A new private address, serving the calendar from now on. */
    String newFeed() {
        String token = UUID.randomUUID().toString();
        open.add(token);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/" + token + "/basic.ics";
    }

    /** The provider replaced this address: it answers 404 from now on. */
    void retire(String address) {
        open.remove(token(address));
    }

    long requests() {
        return requests.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (!open.contains(token(path))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, CALENDAR.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CALENDAR);
            }
        }
    }

    /** The token of {@code .../feeds/<token>/basic.ics}. */
    private static String token(String addressOrPath) {
        int start = addressOrPath.indexOf("/feeds/") + "/feeds/".length();
        int end = addressOrPath.indexOf('/', start);
        return end < 0 ? addressOrPath.substring(start) : addressOrPath.substring(start, end);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
