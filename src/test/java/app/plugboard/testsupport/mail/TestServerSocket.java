package app.plugboard.testsupport.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 and a free port that counts the connections it accepts and hands each to
 * a handler on its own thread; closing it closes every connection.
 */
abstract class TestServerSocket implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    TestServerSocket(ServerSocket server, String name) {
        this.server = server;
        this.acceptor = new Thread(this::acceptAll, name + "-accept");
        this.acceptor.setDaemon(true);
    }

    static ServerSocket loopback(int backlog) throws IOException {
        return new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
    }

    void begin() {
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Handles one accepted connection; runs on a thread of its own, the socket is closed afterwards. */
    abstract void handle(Socket socket) throws IOException;

    void keep(Socket socket) {
        open.add(socket);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            open.add(socket);
            Thread worker = new Thread(() -> {
                try {
                    handle(socket);
                } catch (IOException | RuntimeException e) {
                    // the client went away, or the test is over
                } finally {
                    closeQuietly(socket);
                }
            }, acceptor.getName().replace("-accept", "-conn"));
            worker.setDaemon(true);
            worker.start();
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(TestServerSocket::closeQuietly);
    }
}
