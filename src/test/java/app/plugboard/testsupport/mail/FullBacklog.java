package app.plugboard.testsupport.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening port on 127.0.0.1 that never accepts, with its (tiny) accept queue filled: the
 * kernel then drops new connection attempts, so they time out, as with a server behind a
 * firewall that drops packets.
 */
public final class FullBacklog implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    private FullBacklog(ServerSocket server) {
        this.server = server;
    }

    static FullBacklog open() throws IOException {
        FullBacklog backlog = new FullBacklog(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        for (int i = 0; i < 10; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backlog.port()), 300);
                backlog.fillers.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return backlog;
            }
        }
        backlog.close();
        throw new IllegalStateException("the accept queue never filled up");
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        server.close();
    }
}
