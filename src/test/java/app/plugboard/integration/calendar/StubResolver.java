package app.plugboard.integration.calendar;

import app.plugboard.net.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Names the calendar tests use, answered from a table; every question is remembered. */
final class StubResolver implements HostResolver {

    final Map<String, InetAddress[]> table = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    StubResolver with(String name, String... addresses) {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            try {
                resolved[i] = InetAddress.getByAddress(name, InetAddress.getByName(addresses[i]).getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
        table.put(name, resolved);
        return this;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        asked.add(host);
        InetAddress[] addresses = table.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }
}
