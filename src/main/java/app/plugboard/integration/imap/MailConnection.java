package app.plugboard.integration.imap;

import app.plugboard.net.CheckedSocketFactory;
import app.plugboard.net.BlockedDestinationException;
import app.plugboard.net.CheckedAddress;
import app.plugboard.net.DestinationGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One connection to a mail server, to an address the guard checked. It hands Angus Mail the socket
 * factories for that one address (every socket is re-checked before it connects or starts TLS;
 * TLS verifies the host name the person typed, not the address) and closes every socket it made
 * when the deadline passes, whatever the protocol is waiting for.
 */
final class MailConnection implements AutoCloseable {

    private final CheckedAddress target;
    private final DestinationGuard guard;
    private final SSLSocketFactory tls;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;

    MailConnection(CheckedAddress target, DestinationGuard guard, SSLSocketFactory tls, ScheduledExecutorService scheduler,
            Duration deadline) {
        this.target = target;
        this.guard = guard;
        this.tls = tls;
        this.timer = scheduler.schedule(this::expire, Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
    }

    CheckedAddress target() {
        return target;
    }

    /** Plain sockets (before STARTTLS), connecting to the checked address only. */
    SocketFactory plainSockets() {
        return new CheckedSocketFactory(endpoint -> {
            if (!(endpoint instanceof InetSocketAddress requested) || requested.isUnresolved()) {
                throw new BlockedDestinationException(target.host(), target.port(), target.address(), "unresolved");
            }
            ensureTarget(requested.getAddress(), requested.getPort());
        }, this::track);
    }

    /** TLS over a socket connected to the checked address, verified against the typed host name. */
    SSLSocketFactory tlsSockets() {
        return new PinnedTlsSocketFactory();
    }

    /** Whether the deadline passed (and the sockets were closed because of it). */
    boolean expired() {
        return expired;
    }

    private void expire() {
        expired = true;
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we can do
            }
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
        sockets.clear();
    }

    private void track(Socket socket) throws IOException {
        sockets.add(socket);
        if (expired) {
            socket.close();
            throw new SocketException("deadline passed");
        }
    }

    private void ensureTarget(@Nullable InetAddress address, int port) throws BlockedDestinationException {
        if (address == null || !address.equals(target.address()) || port != target.port()) {
            throw new BlockedDestinationException(target.host(), target.port(),
                    address == null ? target.address() : address, "not the checked address");
        }
        String refused = guard.refusedRange(address);
        if (refused != null) {
            throw new BlockedDestinationException(target.host(), target.port(), address, refused);
        }
    }

    /** Layers TLS over a connected socket; creating connected sockets itself is not offered. */
    private final class PinnedTlsSocketFactory extends SSLSocketFactory {

        @Override
        public Socket createSocket(Socket socket, String ignoredHost, int port, boolean autoClose) throws IOException {
            ensureTarget(socket.getInetAddress(), socket.getPort());
            track(socket);
            // the name the person typed, not the address Angus was given: SNI and the certificate check use it
            SSLSocket layered = (SSLSocket) tls.createSocket(socket, target.host(), socket.getPort(), autoClose);
            SSLParameters parameters = layered.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("LDAPS");
            if (!target.host().contains(":") && !target.host().equals(target.literal())) {
                try {
                    parameters.setServerNames(List.of(new SNIHostName(target.host())));
                } catch (IllegalArgumentException e) {
                    // not a name SNI can carry; the certificate check still uses it
                }
            }
            layered.setSSLParameters(parameters);
            track(layered);
            return layered;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new SocketException("mail TLS is layered over a checked socket only");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new SocketException("mail TLS is layered over a checked socket only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new SocketException("mail TLS is layered over a checked socket only");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            throw new SocketException("mail TLS is layered over a checked socket only");
        }
    }
}
