package app.plugboard.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Web addresses as settings keep and show them. */
public final class WebAddresses {

    private WebAddresses() {
    }

    /** {@code webcal://} is https in disguise; everything else stays as typed, trimmed. */
    public static String normalize(String value) {
        String trimmed = value.trim();
        if (trimmed.regionMatches(true, 0, "webcal://", 0, 9)) {
            return "https://" + trimmed.substring(9);
        }
        return trimmed;
    }

    /** Scheme and host only, for lists: {@code https://calendar.google.com/...}. */
    public static String schemeAndHost(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + "/...";
            }
        } catch (URISyntaxException e) {
            // fall through: a stored URL is always valid, but never show more than nothing
        }
        return "(address hidden)";
    }
}
