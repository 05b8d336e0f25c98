package app.plugboard.integration.gmail;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser, as far as the sign-in needs one: keeps cookies, follows redirects (and
 * remembers every address it passed), submits a page's form as a browser does (with its
 * {@code Origin}).
 */
public final class Browser {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">"
            + "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

    /** A page, and the addresses the browser went through to get there (the first is what was asked). */
    public record Visit(List<URI> addresses, HttpResponse<String> page) {
        public URI finalAddress() {
            return addresses.get(addresses.size() - 1);
        }

        public String body() {
            return page.body();
        }

        public int status() {
            return page.statusCode();
        }

        /** Every response on the way carried these headers. */
        public String header(String name) {
            return page.headers().firstValue(name).orElse("");
        }
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<HttpResponse<String>> responses = new ArrayList<>();

    public Visit open(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Clicks the page's button: posts its form, then follows where it leads. */
    public Visit submit(Visit visit) {
        Matcher form = FORM.matcher(visit.body());
        if (!form.find()) {
            throw new AssertionError("the page has no form: " + visit.body());
        }
        URI action = URI.create(unescape(form.group(1)));
        String body = URLEncoder.encode(unescape(form.group(2)), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(unescape(form.group(3)), StandardCharsets.UTF_8);
        return follow(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", action.getScheme() + "://" + action.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Clicks the page's button without following the redirect: where Plugboard sends the browser. */
    public URI submitOnly(Visit visit) {
        Matcher form = FORM.matcher(visit.body());
        if (!form.find()) {
            throw new AssertionError("the page has no form: " + visit.body());
        }
        URI action = URI.create(unescape(form.group(1)));
        String body = URLEncoder.encode(unescape(form.group(2)), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(unescape(form.group(3)), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", action.getScheme() + "://" + action.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return location(response);
    }

    /** Requests an address that redirects, and answers where to. */
    public URI redirectOf(URI address) {
        return location(send(HttpRequest.newBuilder(address).GET()));
    }

    private static URI location(HttpResponse<String> response) {
        if (response.statusCode() < 300 || response.statusCode() > 399) {
            throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        return response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** The form's hidden value (the CSRF token). */
    public static String csrfToken(Visit visit) {
        Matcher form = FORM.matcher(visit.body());
        if (!form.find()) {
            throw new AssertionError("the page has no form");
        }
        return unescape(form.group(3));
    }

    /** Requests one address, without following a redirect. */
    public HttpResponse<String> fetch(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** Every response this browser received, redirects included. */
    public List<HttpResponse<String>> responses() {
        return List.copyOf(responses);
    }

    private Visit follow(HttpRequest.Builder first) {
        List<URI> addresses = new ArrayList<>();
        HttpRequest.Builder next = first;
        for (int hop = 0; hop < 10; hop++) {
            HttpRequest request = next.timeout(Duration.ofSeconds(30)).build();
            addresses.add(request.uri());
            HttpResponse<String> response = send(next);
            int status = response.statusCode();
            if (status < 300 || status > 399) {
                return new Visit(addresses, response);
            }
            URI location = request.uri().resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("a redirect without Location")));
            next = HttpRequest.newBuilder(location).GET();
        }
        throw new AssertionError("more than 10 redirects: " + addresses);
    }

    private synchronized HttpResponse<String> record(HttpResponse<String> response) {
        responses.add(response);
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return record(http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new AssertionError("the request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
