package app.plugboard.net;

/** The host name has no address (or is a numeric form that is no address). */
public final class UnknownDestinationException extends DestinationException {

    UnknownDestinationException(String host, int port) {
        super("unknown host " + host, host, port);
    }
}
