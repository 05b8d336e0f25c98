package app.plugboard.integration;

import app.plugboard.common.ControlCharacters;
import app.plugboard.common.InputProblem;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks shared by the settings records; each returns a problem that names the settings field, or null. */
public final class SettingsChecks {

    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final int MAX_URL_LENGTH = 2048;

    private SettingsChecks() {
    }

    public static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    public static boolean isBlank(@Nullable Secret value) {
        return value == null || value.isBlank();
    }

    public static @Nullable InputProblem required(String field, String label, @Nullable String value, String hint) {
        return isBlank(value) ? new InputProblem(field, label + " is empty: " + hint) : null;
    }

    public static @Nullable InputProblem text(String field, String label, @Nullable String value, int maxLength, String hint) {
        InputProblem missing = required(field, label, value, hint);
        if (missing != null || value == null) {
            return missing;
        }
        if (value.length() > maxLength) {
            return new InputProblem(field, label + " is too long: use at most " + maxLength + " characters.");
        }
        if (ControlCharacters.present(value)) {
            return new InputProblem(field, label + " contains a line break or control character: type it on one line.");
        }
        return null;
    }

    public static @Nullable InputProblem host(String field, String label, @Nullable String value, String example) {
        InputProblem missing = required(field, label, value, "enter a server name such as " + example + ".");
        if (missing != null || value == null) {
            return missing;
        }
        if (!isHostName(value)) {
            return new InputProblem(field, label + " is not a server name: enter just the name, such as " + example
                    + ", without a scheme like imaps://, a port or a path.");
        }
        return null;
    }

    public static boolean isHostName(String value) {
        String host = value.trim();
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String withoutRoot = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        for (String label : withoutRoot.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    public static @Nullable InputProblem port(String field, String label, @Nullable Integer value, String usual) {
        if (value == null) {
            return new InputProblem(field, label + " is empty: enter a number from 1 to 65535 (" + usual + ").");
        }
        if (value < 1 || value > 65535) {
            return new InputProblem(field, label + " must be a number from 1 to 65535 (" + usual + ").");
        }
        return null;
    }

    public static @Nullable InputProblem email(String field, String label, @Nullable String value) {
        InputProblem missing = required(field, label, value, "enter an address such as alice@example.com.");
        if (missing != null || value == null) {
            return missing;
        }
        if (!EMAIL.matcher(value.trim()).matches() || !isHostName(value.substring(value.indexOf('@') + 1))) {
            return new InputProblem(field, label + " is not an email address: enter one such as alice@example.com.");
        }
        return null;
    }

    /**
     * A web address we may fetch: http or https (webcal is turned into https beforehand), a host,
     * and no credentials inside the address.
     */
    public static @Nullable InputProblem webUrl(String field, String label, @Nullable String value, String example) {
        InputProblem missing = required(field, label, value, "paste an address such as " + example + ".");
        if (missing != null || value == null) {
            return missing;
        }
        if (value.length() > MAX_URL_LENGTH) {
            return new InputProblem(field, label + " is too long: addresses of up to " + MAX_URL_LENGTH
                    + " characters are accepted.");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            return new InputProblem(field, label + " is not a valid web address: paste it exactly as your provider shows it, such as "
                    + example + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https").contains(scheme)) {
            return new InputProblem(field, label + " must start with https://, http:// or webcal://"
                    + (scheme.isEmpty() ? "." : ", not " + scheme + "://."));
        }
        if (uri.getRawUserInfo() != null) {
            return new InputProblem(field, label + " contains a username or password before the server name: "
                    + "remove it from the address and use the username and password fields instead.");
        }
        if (uri.getHost() == null || !isHostName(uri.getHost().startsWith("[") ? "x" : uri.getHost())) {
            return new InputProblem(field, label + " has no valid server name: paste the full address, such as " + example + ".");
        }
        return null;
    }

    public static void addIfPresent(List<InputProblem> problems, @Nullable InputProblem problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
