package app.plugboard.net;

import java.net.InetSocketAddress;
import java.net.InetAddress;

/**
 * A destination that passed the guard: connect to {@link #address()}, never resolve {@link #host()}
 * again. The host stays what TLS verifies (SNI and the certificate's name).
 *
 * @param host the host as typed, in its ASCII form, lower case, without a trailing dot or brackets
 * @param address the checked address to connect to
 * @param port the port to connect to
 */
public record CheckedAddress(String host, InetAddress address, int port) {

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The address as a literal ({@code 192.0.2.1}, {@code 2001:db8::1}): connecting to it needs no lookup. */
    public String literal() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + literal() + ")";
    }
}
