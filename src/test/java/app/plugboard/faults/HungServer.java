package app.plugboard.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on loopback that accepts every connection and never says a word, nor closes it: an IMAP server that
 * hangs after the TCP handshake. Only a deadline ends a conversation with it.
 */
final class HungServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private HungServer(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "hung-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HungServer start() {
        try {
            return new HungServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections it accepted so far. */
    int connections() {
        return connections.get();
    }

    /** How many of them the other side has not closed yet (a read would block). */
    long stillOpen() {
        return accepted.stream().filter(HungServer::open).count();
    }

    /** Reads what the client sent (a TLS hello) until it would block (open) or ends (closed). */
    private static boolean open(Socket socket) {
        byte[] sent = new byte[4096];
        try {
            socket.setSoTimeout(1);
            while (socket.getInputStream().read(sent) != -1) {
                // the client's hello, never answered
            }
            return false;
        } catch (SocketTimeoutException blocked) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
