package app.plugboard.discord.fake;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway side: plain JSON text frames (the client asks for no compression), HELLO, IDENTIFY to READY
 * and GUILD_CREATE, heartbeats, RESUME with replay of missed dispatches, and op 7 RECONNECT on demand.
 */
final class FakeGateway extends WebSocketServer {

    static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;

    private static final int OP_DISPATCH = 0;
    private static final int OP_HEARTBEAT = 1;
    private static final int OP_IDENTIFY = 2;
    private static final int OP_RESUME = 6;
    private static final int OP_RECONNECT = 7;
    private static final int OP_INVALID_SESSION = 9;
    private static final int OP_HELLO = 10;
    private static final int OP_HEARTBEAT_ACK = 11;
    private static final int CLOSE_AUTHENTICATION_FAILED = 4004;

    private final FakeDiscord fake;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    final AtomicInteger identifies = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();
    /** Open while the gateway is up; {@link #drop} closes it for the gap, and logins wait for it. */
    private volatile CountDownLatch gapOver = new CountDownLatch(0);

    FakeGateway(FakeDiscord fake) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
        this.fake = fake;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0); // JDA heartbeats itself; no server pings needed
    }

    void startAndAwait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS) || startFailure != null) {
                throw new IllegalStateException("fake gateway did not start", startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    /** Sends the dispatch to every identified session (like Discord does to each process logged in). */
    int dispatch(String eventType, JsonNode data) {
        int delivered = 0;
        for (Session session : sessions.values()) {
            session.dispatch(eventType, data);
            delivered++;
        }
        return delivered;
    }

    /** Asks every connected client to reconnect and resume (op 7). */
    void reconnectAll() {
        for (Session session : sessions.values()) {
            session.sendOp(OP_RECONNECT, null);
        }
    }

    /**
     * Drops every client's connection: {@code 1006} ends it without a close frame (the network, a crashed
     * Discord server), any other code closes it with that code (4000: "unknown error, reconnect"). While
     * {@code duringGap} runs no client is connected and none can log in again: what it dispatches waits in the
     * sessions. A resumable session gets it replayed on RESUME; one that is not is gone, with what waited in it,
     * and its client is told to identify anew (op 9), as Discord does when a session cannot be resumed.
     */
    void drop(int closeCode, boolean resumable, Runnable duringGap) {
        CountDownLatch gap = new CountDownLatch(1);
        gapOver = gap;
        try {
            for (Session session : sessions.values()) {
                WebSocket conn = session.detachAll();
                if (!resumable) {
                    session.resumable = false;
                }
                if (conn == null) {
                    continue;
                }
                if (closeCode == 1006) {
                    conn.closeConnection(1006, "dropped by the test");
                } else {
                    conn.close(closeCode, "dropped by the test");
                }
            }
            duringGap.run();
        } finally {
            gap.countDown();
        }
    }

    private void awaitGapOver() {
        try {
            if (!gapOver.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway's gap lasted more than 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        ObjectNode hello = Json.object().put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
        send(conn, frame(OP_HELLO, hello, null, null));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode frame = Json.parse(message);
        JsonNode data = frame.path("d");
        switch (frame.path("op").asInt(-1)) {
            case OP_HEARTBEAT -> send(conn, frame(OP_HEARTBEAT_ACK, null, null, null));
            case OP_IDENTIFY -> identify(conn, data);
            case OP_RESUME -> resume(conn, data);
            default -> {
                // presence updates need no answer; a light bot without intents requests no members
            }
        }
    }

    private void identify(WebSocket conn, JsonNode data) {
        awaitGapOver();
        if (!fake.token().equals(data.path("token").asString(""))) {
            conn.close(CLOSE_AUTHENTICATION_FAILED, "Authentication failed.");
            return;
        }
        identifies.incrementAndGet();
        String sessionId = HexFormat.of().formatHex(randomBytes(16));
        Session session = new Session(sessionId);
        conn.setAttachment(session);
        session.attach(conn);
        session.dispatch("READY", fake.entities.readyPayload(sessionId, url()));
        session.dispatch("GUILD_CREATE", fake.entities.guildCreatePayload());
        sessions.put(sessionId, session);
    }

    private void resume(WebSocket conn, JsonNode data) {
        awaitGapOver();
        Session session = sessions.get(data.path("session_id").asString(""));
        if (session != null && !session.resumable) {
            sessions.remove(session.id);
            session = null;
        }
        if (session == null || !fake.token().equals(data.path("token").asString(""))) {
            send(conn, frame(OP_INVALID_SESSION, Json.MAPPER.getNodeFactory().booleanNode(false), null, null));
            return;
        }
        resumes.incrementAndGet();
        conn.setAttachment(session);
        session.resume(conn, data.path("seq").asLong(0));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Session session = conn.getAttachment();
        if (session == null) {
            return;
        }
        session.detach(conn);
        if (code == 1000 || code == 1001) {
            sessions.remove(session.id); // a normal close ends the session; JDA does that on shutdown
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure = ex;
            started.countDown();
        }
    }

    /**
     * Sends if the connection is still open; a dispatch that misses it is replayed when the session resumes.
     * Never under the connection's monitor: the library holds it while it calls {@link #onClose}, which takes
     * the session's, and a dispatch holds the session's while it sends.
     */
    private static void send(WebSocket conn, String text) {
        if (conn.isOpen()) {
            try {
                conn.send(text);
            } catch (WebsocketNotConnectedException closedMeanwhile) {
                // the client is reconnecting
            }
        }
    }

    private static String frame(int op, JsonNode data, String eventType, Long sequence) {
        ObjectNode frame = Json.object().put("op", op);
        frame.set("d", data == null ? Json.MAPPER.getNodeFactory().nullNode() : data);
        if (eventType != null) {
            frame.put("t", eventType);
        }
        if (sequence != null) {
            frame.put("s", sequence);
        }
        return Json.write(frame);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A gateway session: its sequence numbers and the dispatches it was sent, for replay on RESUME. */
    private static final class Session {

        private static final int REPLAY_LOG_SIZE = 2_000;

        private final String id;
        private final List<String> log = new ArrayList<>();
        private long sequence;
        private long firstLoggedSequence = 1;
        private WebSocket conn;
        private volatile boolean resumable = true;

        Session(String id) {
            this.id = id;
        }

        /** Forgets the connection (it is being dropped) and returns it. */
        synchronized WebSocket detachAll() {
            WebSocket dropped = conn;
            conn = null;
            return dropped;
        }

        synchronized void attach(WebSocket conn) {
            this.conn = conn;
        }

        synchronized void detach(WebSocket closed) {
            if (conn == closed) {
                conn = null;
            }
        }

        synchronized void dispatch(String eventType, JsonNode data) {
            String text = frame(OP_DISPATCH, data, eventType, ++sequence);
            log.add(text);
            if (log.size() > REPLAY_LOG_SIZE) {
                log.remove(0);
                firstLoggedSequence++;
            }
            if (conn != null) {
                send(conn, text);
            }
        }

        synchronized void sendOp(int op, JsonNode data) {
            if (conn != null) {
                send(conn, frame(op, data, null, null));
            }
        }

        synchronized void resume(WebSocket newConn, long lastSeenSequence) {
            conn = newConn;
            for (long s = Math.max(lastSeenSequence + 1, firstLoggedSequence); s <= sequence; s++) {
                send(conn, log.get((int) (s - firstLoggedSequence)));
            }
            dispatch("RESUMED", Json.object());
        }
    }
}
