package app.plugboard.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), with a name for
 * log lines. IPv4-mapped IPv6 addresses are compared as the IPv4 address they carry.
 */
public record AddressRange(String name, byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public AddressRange {
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " does not fit the address");
        }
        network = masked(network, prefixLength);
    }

    /**
     * Parses {@code address/prefix}, or a single address. Only numeric addresses: a name here
     * would mean a lookup at startup.
     *
     * @throws IllegalArgumentException naming the value when it is not a CIDR range
     */
    public static AddressRange parse(String cidr) {
        return parse(cidr.strip(), cidr.strip());
    }

    static AddressRange parse(String name, String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not a CIDR range such as 192.168.1.0/24 or fd00::/8");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not a CIDR range such as 192.168.1.0/24 or fd00::/8");
        }
        if (address.contains(":") && bytes.length == 4) {
            // Java turns ::ffff:a.b.c.d into an IPv4 address; a mapped range is the IPv4 range
            int prefix = slash < 0 ? 32 : prefix(cidr, cidr.substring(slash + 1), 128) - 96;
            if (prefix < 0) {
                throw new IllegalArgumentException("\"" + cidr + "\" is wider than the IPv4-mapped block");
            }
            return new AddressRange(name, bytes, prefix);
        }
        int max = bytes.length * 8;
        return new AddressRange(name, bytes, slash < 0 ? max : prefix(cidr, cidr.substring(slash + 1), max));
    }

    private static int prefix(String cidr, String text, int max) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix >= 0 && prefix <= max) {
                return prefix;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("\"" + cidr + "\" has no prefix length from 0 to " + max);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = DestinationGuard.unwrapMapped(address).getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        return Arrays.equals(masked(bytes, prefixLength), network);
    }

    private static byte[] masked(byte[] address, int prefixLength) {
        byte[] result = address.clone();
        for (int bit = prefixLength; bit < result.length * 8; bit++) {
            result[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return result;
    }

    /** {@code 10.0.0.0/8} */
    public String cidr() {
        try {
            String address = InetAddress.getByAddress(network).getHostAddress();
            return address.toLowerCase(Locale.ROOT) + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefixLength == prefixLength
                && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return name.equals(cidr()) ? name : name + " (" + cidr() + ")";
    }

    @Override
    public byte[] network() {
        return network.clone();
    }
}
