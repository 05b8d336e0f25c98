package app.plugboard.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Hands a library that opens its own connections (Angus Mail, OkHttp) unconnected sockets only,
 * whose {@code connect} first passes a check: so it reaches nothing but the address the guard
 * checked, whatever host it was told. Connected sockets are not offered (they would skip the check).
 */
public final class CheckedSocketFactory extends SocketFactory {

    /** Throws when the socket must not connect there; the check may also refuse for reasons of its own. */
    @FunctionalInterface
    public interface ConnectCheck {
        void check(SocketAddress endpoint) throws IOException;
    }

    /** Told of every socket handed out, before it connects (to close them all at a deadline, say). */
    @FunctionalInterface
    public interface Created {
        void created(Socket socket) throws IOException;
    }

    private final ConnectCheck check;
    private final Created created;

    public CheckedSocketFactory(ConnectCheck check, Created created) {
        this.check = check;
        this.created = created;
    }

    public CheckedSocketFactory(ConnectCheck check) {
        this(check, socket -> { });
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                check.check(endpoint);
                super.connect(endpoint, timeout);
            }
        };
        created.created(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw connectedNotOffered();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw connectedNotOffered();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw connectedNotOffered();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw connectedNotOffered();
    }

    private static SocketException connectedNotOffered() {
        return new SocketException("only unconnected sockets, whose connect() is checked");
    }
}
