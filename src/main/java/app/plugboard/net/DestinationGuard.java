package app.plugboard.net;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The private-address guard for every destination a person supplies (a mail server, a calendar
 * address): resolve once, check every address, hand back the one to connect to.
 *
 * <p>Refused unless an operator allowed the range: loopback, "this network" (0.0.0.0/8), the
 * private ranges (RFC 1918, fc00::/7), link-local (169.254/16 with the cloud metadata address,
 * fe80::/10), shared address space (100.64/10), multicast, broadcast and the other reserved
 * blocks, and the IPv6 forms that carry an IPv4 address somewhere else (NAT64 64:ff9b::/96, 6to4
 * 2002::/16, Teredo 2001::/32). IPv4-mapped IPv6 addresses are unwrapped first. Numeric hosts in
 * every form a C resolver accepts ({@code 127.1}, {@code 2130706433}, {@code 0x7f000001},
 * {@code 017700000001}, {@code [::ffff:127.0.0.1]}) are parsed here, never passed to a resolver.
 */
public final class DestinationGuard {

    private static final List<AddressRange> BLOCKED = List.of(
            range("this network", "0.0.0.0/8"),
            range("private network", "10.0.0.0/8"),
            range("shared address space", "100.64.0.0/10"),
            range("loopback", "127.0.0.0/8"),
            range("link-local", "169.254.0.0/16"),
            range("private network", "172.16.0.0/12"),
            range("IETF protocol assignments", "192.0.0.0/24"),
            range("documentation", "192.0.2.0/24"),
            range("6to4 relay", "192.88.99.0/24"),
            range("private network", "192.168.0.0/16"),
            range("benchmarking", "198.18.0.0/15"),
            range("documentation", "198.51.100.0/24"),
            range("documentation", "203.0.113.0/24"),
            range("multicast", "224.0.0.0/4"),
            range("reserved and broadcast", "240.0.0.0/4"),
            range("unspecified, loopback and IPv4-compatible", "::/96"),
            range("NAT64", "64:ff9b::/96"),
            range("local-use NAT64", "64:ff9b:1::/48"),
            range("discard-only", "100::/64"),
            range("Teredo", "2001::/32"),
            range("documentation", "2001:db8::/32"),
            range("6to4", "2002::/16"),
            range("unique local (private)", "fc00::/7"),
            range("link-local", "fe80::/10"),
            range("site-local", "fec0::/10"),
            range("multicast", "ff00::/8"));

    private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:][0-9a-f:.]*(%[0-9a-z_.-]+)?");

    private final HostResolver resolver;
    private final List<AddressRange> allowed;

    /**
     * @param allowed ranges an operator opened on purpose (a mail server on the LAN); they win
     *                over the blocked ones
     */
    public DestinationGuard(HostResolver resolver, List<AddressRange> allowed) {
        this.resolver = resolver;
        this.allowed = List.copyOf(allowed);
    }

    /** What a person is told for a blocked, refused or timed out connection alike. */
    public static String couldNotReach(String host, int port) {
        return "could not reach " + host + ":" + port;
    }

    public List<AddressRange> allowedRanges() {
        return allowed;
    }

    /**
     * Resolves {@code host} once and checks every address it has.
     *
     * @return the address to connect to (the first the resolver gave)
     * @throws UnknownDestinationException when the host has no address
     * @throws BlockedDestinationException when any of its addresses is in a refused range: a name
     *                                     that mixes a public and a private address is refused whole
     */
    public CheckedAddress check(String host, int port) throws UnknownDestinationException, BlockedDestinationException {
        String name = normalize(host);
        if (name.isEmpty()) {
            throw new UnknownDestinationException(host, port);
        }
        Optional<InetAddress> numeric = numeric(name, port);
        InetAddress[] addresses = numeric.isPresent() ? new InetAddress[] {numeric.get()} : resolve(name);
        if (addresses.length == 0) {
            throw new UnknownDestinationException(name, port);
        }
        for (InetAddress address : addresses) {
            String range = refusedRange(address);
            if (range != null) {
                throw new BlockedDestinationException(name, port, address, range);
            }
        }
        return new CheckedAddress(name, addresses[0], port);
    }

    /** Whether a connection to {@code address} is allowed (for checks at the socket, after {@link #check}). */
    public boolean permits(InetAddress address) {
        return refusedRange(address) == null;
    }

    /** The name of the refused range {@code address} is in, or null when it may be reached. */
    public @Nullable String refusedRange(InetAddress address) {
        InetAddress effective = unwrapMapped(address);
        for (AddressRange range : allowed) {
            if (range.contains(effective)) {
                return null;
            }
        }
        for (AddressRange range : BLOCKED) {
            if (range.contains(effective)) {
                return range.name();
            }
        }
        // the JDK's own view, in case a range above is ever missed
        if (effective.isAnyLocalAddress() || effective.isLoopbackAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
            return "special-purpose";
        }
        return null;
    }

    private InetAddress[] resolve(String name) {
        try {
            return resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** Lower case ASCII, without brackets or a trailing dot; empty when it cannot be a host. */
    static String normalize(String host) {
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.contains(":")) {
            return name.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The address a numeric host stands for, the way C resolvers read it (inet_aton): one to four
     * parts, each decimal, octal (leading 0) or hexadecimal (0x), the last part filling the
     * remaining bytes; or an IPv6 literal. Empty when the host is a name.
     *
     * @throws UnknownDestinationException for a numeric host that is no address ({@code 999.1.1.1}):
     *                                     no resolver is asked about it
     */
    static Optional<InetAddress> numeric(String host, int port) throws UnknownDestinationException {
        if (host.contains(":")) {
            if (!IPV6_LITERAL.matcher(host).matches()) {
                throw new UnknownDestinationException(host, port);
            }
            try {
                return Optional.of(InetAddress.getByName(host)); // starts with a hex digit or ':': parsed, never looked up
            } catch (UnknownHostException e) {
                throw new UnknownDestinationException(host, port);
            }
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || !Arrays.stream(parts).allMatch(part -> NUMERIC_PART.matcher(part).matches())) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = partValue(parts[i]);
            if (value == null) {
                throw new UnknownDestinationException(host, port);
            }
            values[i] = value;
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                throw new UnknownDestinationException(host, port);
            }
            address = address << 8 | values[i];
        }
        int lastBits = 8 * (4 - (values.length - 1));
        long last = values[values.length - 1];
        if (last >= 1L << lastBits) {
            throw new UnknownDestinationException(host, port);
        }
        address = address << lastBits | last;
        return Optional.of(ipv4(address));
    }

    private static @Nullable Long partValue(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0L : parseBounded(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return parseBounded(part.substring(1), 8);
            }
            return parseBounded(part, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseBounded(String digits, int radix) {
        if (digits.length() > 12) {
            throw new NumberFormatException("too long");
        }
        long value = Long.parseLong(digits, radix);
        if (value > 0xffff_ffffL) {
            throw new NumberFormatException("too large");
        }
        return value;
    }

    private static InetAddress ipv4(long address) {
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ::ffff:a.b.c.d} as {@code a.b.c.d}; any other address as it is. */
    static InetAddress unwrapMapped(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AddressRange range(String name, String cidr) {
        return AddressRange.parse(name, cidr);
    }
}
