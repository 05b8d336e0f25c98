package app.plugboard.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses. The system's resolver in production; a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {

    /** The resolver of the operating system (and the JDK's address cache). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /**
     * @param host an ASCII host name, never a numeric address (the guard parses those itself)
     * @throws UnknownHostException when the name has no address
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
