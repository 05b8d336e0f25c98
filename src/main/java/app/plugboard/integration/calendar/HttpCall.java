package app.plugboard.integration.calendar;

import app.plugboard.integration.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request for {@link CalendarHttp}.
 *
 * @param method      GET, PROPFIND or REPORT
 * @param url         where to send it (http, https or webcal)
 * @param headers     extra headers ({@code Depth}, {@code Accept})
 * @param body        a small request body (CalDAV XML), or null
 * @param credentials sent as HTTP Basic to the address's own origin only, never across a redirect to another
 * @param validators  from an earlier answer: the request becomes conditional
 */
public record HttpCall(String method, URI url, Map<String, String> headers, byte @Nullable [] body,
        @Nullable Credentials credentials, @Nullable Validators validators) {

    /** A username and password for HTTP Basic authentication. */
    public record Credentials(String username, Secret password) {
        @Override
        public String toString() {
            return "Credentials[" + username + ", ***]";
        }
    }

    /** What makes a re-fetch conditional: the ETag and Last-Modified of the answer we hold. */
    public record Validators(@Nullable String etag, @Nullable String lastModified) {
        public boolean isEmpty() {
            return etag == null && lastModified == null;
        }
    }

    public HttpCall {
        headers = Map.copyOf(headers);
    }

    public static HttpCall get(URI url, @Nullable Credentials credentials) {
        return new HttpCall("GET", url, Map.of(), null, credentials, null);
    }

    public HttpCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpCall(method, url, more, body, credentials, validators);
    }

    public HttpCall withValidators(@Nullable Validators newValidators) {
        return new HttpCall(method, url, headers, body, credentials, newValidators);
    }

    @Override
    public String toString() {
        return "HttpCall[" + method + " " + CalendarHttp.display(url) + "]";
    }
}
