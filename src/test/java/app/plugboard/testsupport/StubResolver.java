package app.plugboard.testsupport;

import app.plugboard.net.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A resolver that answers from a table (anything else is unknown) and remembers every question. */
public final class StubResolver implements HostResolver {

    private final Map<String, InetAddress[]> table = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    /** {@code name} resolves to these numeric addresses. */
    public StubResolver with(String name, String... addresses) {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = address(name, addresses[i]);
        }
        table.put(name, resolved);
        return this;
    }

    public StubResolver with(String name, InetAddress... addresses) {
        table.put(name, addresses);
        return this;
    }

    /** The names asked for, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        asked.add(host);
        InetAddress[] addresses = table.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.clone();
    }

    /** A numeric address carrying a name, made without any lookup. */
    public static InetAddress address(String name, String numeric) {
        try {
            return InetAddress.getByAddress(name, InetAddress.getByName(numeric).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(numeric, e);
        }
    }
}
