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
 * Sharded as Discord is: a session identifies as shard {@code [id, total]} (none: {@code [0, 1]}) and gets
 * the guilds, and the events, of that shard only; direct messages go to shard 0. IDENTIFY is rate limited
 * as Discord limits it: one per {@link ShardLimits#IDENTIFY_SPACING} per bucket ({@code shard % max_concurrency});
 * one sooner is refused with op 9 (invalid session) and recorded.
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
    private static final int CLOSE_INVALID_SHARD = 4010;

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

    /**
     * Sends the dispatch to every identified session of the shard it belongs to (like Discord does to each
     * process logged in with that shard): a guild's event to {@code (guild_id >> 22) % total}, anything else to 0.
     */
    int dispatch(String eventType, JsonNode data) {
        int delivered = 0;
        for (Session session : sessions.values()) {
            if (session.receives(data)) {
                if (session.dispatch(eventType, data)) {
                    fake.shardLimits.delivered(data, session.shard);
                }
                delivered++;
            }
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
        JsonNode shardArray = data.path("shard");
        int shard = shardArray.isArray() ? shardArray.path(0).asInt(-1) : 0;
        int total = shardArray.isArray() ? shardArray.path(1).asInt(0) : 1;
        if (total < 1 || shard < 0 || shard >= total) {
            conn.close(CLOSE_INVALID_SHARD, "Invalid shard.");
            return;
        }
        if (!fake.shardLimits.identify(shard, total)) {
            send(conn, frame(OP_INVALID_SESSION, Json.MAPPER.getNodeFactory().booleanNode(false), null, null));
            return;
        }
        identifies.incrementAndGet();
        String sessionId = HexFormat.of().formatHex(randomBytes(16));
        Session session = new Session(sessionId, shard, total);
        conn.setAttachment(session);
        session.attach(conn);
        List<FakeGuild> guilds = fake.entities.guilds().stream().filter(guild -> guild.shard(total) == shard).toList();
        session.dispatch("READY", fake.entities.readyPayload(sessionId, url(), guilds, shard, total));
        guilds.forEach(guild -> session.dispatch("GUILD_CREATE", fake.entities.guildCreatePayload(guild)));
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
        private final int shard;
        private final int total;
        private final List<String> log = new ArrayList<>();
        private long sequence;
        private long firstLoggedSequence = 1;
        private WebSocket conn;
        private volatile boolean resumable = true;

        Session(String id, int shard, int total) {
            this.id = id;
            this.shard = shard;
            this.total = total;
        }

        /** Whether Discord sends this event to this session: a guild's to its shard, anything else to shard 0. */
        boolean receives(JsonNode data) {
            String guild = data.path("guild_id").asString("");
            return guild.isEmpty() ? shard == 0 : Long.remainderUnsigned(Long.parseUnsignedLong(guild) >>> 22, total) == shard;
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

        /**
         * Sends the event, or keeps it for a RESUME while the connection is gone (as Discord keeps a session's
         * events for a while); says whether a connection took it now.
         */
        synchronized boolean dispatch(String eventType, JsonNode data) {
            String text = frame(OP_DISPATCH, data, eventType, ++sequence);
            log.add(text);
            if (log.size() > REPLAY_LOG_SIZE) {
                log.remove(0);
                firstLoggedSequence++;
            }
            if (conn != null && conn.isOpen()) {
                send(conn, text);
                return true;
            }
            return false;
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
