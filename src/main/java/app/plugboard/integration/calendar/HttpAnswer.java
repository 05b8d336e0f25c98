package app.plugboard.integration.calendar;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link HttpCall}, after redirects, with the body read within the caps (and unpacked).
 *
 * @param url     where the answer finally came from (relative CalDAV references resolve against it)
 * @param headers by lower-case name
 */
public record HttpAnswer(int status, URI url, Map<String, List<String>> headers, byte[] body) {

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }

    /** Whether the server asks for HTTP Basic credentials. */
    public boolean asksForBasic() {
        return status == 401 && headers("WWW-Authenticate").stream()
                .anyMatch(value -> value.strip().toLowerCase(Locale.ROOT).startsWith("basic"));
    }

    /** The validators to make the next fetch of the same address conditional. */
    public HttpCall.Validators validators() {
        return new HttpCall.Validators(header("ETag"), header("Last-Modified"));
    }

    /** The charset the server declared, UTF-8 when it declared none we know. */
    public Charset charset() {
        String type = header("Content-Type");
        if (type != null) {
            for (String part : type.split(";")) {
                String trimmed = part.strip();
                if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = trimmed.substring(8).replace("\"", "").strip();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public String toString() {
        return "HttpAnswer[" + status + " from " + CalendarHttp.display(url) + ", " + body.length + " bytes]";
    }
}
