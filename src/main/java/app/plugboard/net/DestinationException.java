package app.plugboard.net;

import java.io.IOException;

/**
 * A destination Plugboard will not connect to. An {@link IOException}, so it can also be thrown
 * from inside a socket factory; its message is safe to show to the person who typed the host.
 */
public abstract sealed class DestinationException extends IOException
        permits UnknownDestinationException, BlockedDestinationException {

    private final String host;
    private final int port;

    DestinationException(String message, String host, int port) {
        super(message);
        this.host = host;
        this.port = port;
    }

    /** The host as it was asked for. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
