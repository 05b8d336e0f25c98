package app.plugboard.integration;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a secret is sent: a scheme, a host and a port, compared the way servers are told apart. Host
 * names ignore case and a trailing dot; a web address's default port counts as written
 * ({@code https://x} is {@code https://x:443}); {@code webcal} is https.
 */
public record Destination(String scheme, String host, int port) {

    public Destination {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = normalizeHost(host);
    }

    /** The origin of a web address, or null when it has none (the settings' own checks say what is wrong). */
    public static @Nullable Destination origin(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(WebAddresses.normalize(url));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : switch (scheme) {
                case "https" -> 443;
                case "http" -> 80;
                default -> -1;
            };
            return new Destination(scheme, uri.getHost(), port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normalizeHost(String host) {
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // not a name IDN can convert (an IPv6 literal, say): compared as written, ignoring case
        }
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
