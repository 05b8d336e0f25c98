package app.plugboard.net;

import java.net.InetAddress;

/**
 * The host resolves to an address in a private or special range. Its message is exactly what a
 * refused or timed out connection says ("could not reach host:port"), so the answer does not tell
 * which internal addresses exist; the blocked address and its range are for the operator's log.
 */
public final class BlockedDestinationException extends DestinationException {

    private final InetAddress address;
    private final String range;

    BlockedDestinationException(String host, int port, InetAddress address, String range) {
        super(DestinationGuard.couldNotReach(host, port), host, port);
        this.address = address;
        this.range = range;
    }

    /** The refused address (for logs only). */
    public InetAddress address() {
        return address;
    }

    /** The name of the range it is in, such as "loopback" (for logs only). */
    public String range() {
        return range;
    }
}
