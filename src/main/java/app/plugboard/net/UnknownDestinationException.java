package app.plugboard.net;

/**
 * The host name has no address (or is a numeric form that is no address). Its message is what a
 * blocked, refused or timed out destination says ("could not reach host:port"): whether a name
 * exists is not told, so nobody maps internal DNS names through the bot. The type is for the log.
 */
public final class UnknownDestinationException extends DestinationException {

    UnknownDestinationException(String host, int port) {
        super(DestinationGuard.couldNotReach(host, port), host, port);
    }
}
