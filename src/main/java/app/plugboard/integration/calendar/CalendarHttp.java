package app.plugboard.integration.calendar;

import app.plugboard.integration.calendar.FetchException.Reason;
import app.plugboard.net.CheckedSocketFactory;
import app.plugboard.net.CheckedAddress;
import app.plugboard.net.DestinationException;
import app.plugboard.net.DestinationGuard;
import app.plugboard.net.TlsTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way calendar code reaches a server a person named (security notes, rules 10-15): feeds and
 * CalDAV alike.
 *
 * <ul>
 *   <li>Only https, http (when allowed) and webcal (read as https); no username or password inside the
 *       address.</li>
 *   <li>Every hop goes through the {@link DestinationGuard} first: the host is resolved once, every address
 *       checked, and OkHttp is given exactly that address (a {@link okhttp3.Dns} that answers with it) and a
 *       socket factory that refuses to connect anywhere else. OkHttp never looks the name up again (no DNS
 *       rebinding) and parses numeric hosts itself without asking DNS: the socket check catches any numeric
 *       form it reads differently from the guard. TLS still runs against the host name: SNI and OkHttp's
 *       hostname verification see the name from the URL, not the address.</li>
 *   <li>Redirects are followed here, not by OkHttp: at most {@link FetchLimits#maxRedirects()}, each one
 *       checked like the first, never from https to http; credentials go to the first address's origin
 *       only.</li>
 *   <li>Connect and read timeouts, and one deadline for the whole fetch (OkHttp's call timeout per hop,
 *       with what is left, and a check before every read of the body, so a server that drips one byte at
 *       a time still stops at the deadline).</li>
 *   <li>Every request draws on the {@link FetchBudget} of the check it is part of: it stops at the earlier of
 *       its own deadline and the check's, and reads no more than the smaller of its own cap and what is left
 *       of the check's bytes.</li>
 *   <li>The body is counted while it streams in (Content-Length is only a hint) and gzip is unpacked here,
 *       with its own cap on the unpacked size: OkHttp's transparent gzip is off because we ask for gzip
 *       ourselves.</li>
 *   <li>No proxy, no cookies, no cache, no connection kept open.</li>
 * </ul>
 *
 * <p>Why OkHttp and not the JDK's HttpClient: the JDK client resolves names itself and has no way to be
 * told which address to connect to while still verifying the certificate against the name. OkHttp 5 (on
 * the classpath through JDA) has both hooks, a resolver and a socket factory, and keeps its own, tested
 * HTTP/1.1, HTTP/2 and TLS handling, which a small client of our own on raw sockets would have to
 * re-implement (chunked bodies, header parsing) and get right.
 *
 * <p>Nothing here logs or returns more of an address than its scheme and host: the path and query of a
 * feed address usually hold a private token.
 */
public final class CalendarHttp {

    private static final Logger log = LoggerFactory.getLogger(CalendarHttp.class);
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final String USER_AGENT = "Plugboard (calendar; +https://github.com/)";

    private final DestinationGuard guard;
    private final FetchLimits limits;
    private final OkHttpClient base;

    public CalendarHttp(DestinationGuard guard, FetchLimits limits) {
        this(guard, limits, null);
    }

    /** With a trust configuration other than the platform's: the operator's trust store, or a test's. */
    public CalendarHttp(DestinationGuard guard, FetchLimits limits, @Nullable Tls tls) {
        this.guard = guard;
        this.limits = limits;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .connectTimeout(limits.connectTimeout())
                .readTimeout(limits.readTimeout())
                .writeTimeout(limits.readTimeout());
        if (tls != null) {
            builder.sslSocketFactory(tls.socketFactory(), tls.trustManager());
        }
        this.base = builder.build();
    }

    /** A TLS trust configuration other than the platform's. */
    public record Tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

        /** The trust every connection to a server a person named uses: the JDK's CAs and the operator's store. */
        public static Tls of(TlsTrust trust) {
            return new Tls(trust.socketFactory(), trust.trustManager());
        }
    }

    public FetchLimits limits() {
        return limits;
    }

    /** A budget for one check, starting now: {@link FetchLimits#totalDeadline()}, {@link FetchLimits#maxTotalBytes()}. */
    public FetchBudget budget() {
        return FetchBudget.of(limits);
    }

    /**
     * Sends {@code call}, following redirects, and reads the answer's body within the caps and what is left of
     * {@code budget}. Any HTTP status is an answer (401, 404, 500 included); only what prevents an answer is an
     * exception.
     */
    public HttpAnswer send(HttpCall call, FetchBudget budget) throws FetchException {
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        URI first = webAddress(call.url(), false);
        String origin = origin(first);
        URI current = first;
        String method = call.method();
        byte @Nullable [] body = call.body();
        for (int hop = 0; ; hop++) {
            long started = System.nanoTime();
            Hop result = hop(call, method, body, current, origin.equals(origin(current)), bounds(current, deadline, budget));
            if (log.isDebugEnabled()) {
                log.debug("{} {} answered {} in {} ms", method, display(current), result.status,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
            if (result.answer != null) {
                return result.answer;
            }
            if (hop >= limits.maxRedirects()) {
                throw failed(current, Reason.TOO_MANY_REDIRECTS, "it redirects more than " + limits.maxRedirects()
                        + " times, so Plugboard stopped following");
            }
            URI next = redirectTarget(current, result.location);
            if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                throw failed(current, Reason.INSECURE_REDIRECT, "it redirects from https to plain http, which Plugboard"
                        + " does not follow (the address and any password would travel unencrypted)");
            }
            if (result.status == 303 || (result.status == 301 || result.status == 302) && "POST".equals(method)) {
                method = "GET";
                body = null;
            }
            current = next;
        }
    }

    private record Hop(int status, @Nullable String location, @Nullable HttpAnswer answer) {
    }

    /**
     * What bounds one hop: the request's own deadline and caps, or what is left of the check's budget where that
     * is less (and then the words say so).
     */
    private record Bounds(FetchBudget budget, long deadline, boolean totalTime, long maxBytes, boolean totalBytes,
            long maxUnpacked, boolean totalUnpacked) {
    }

    private Bounds bounds(URI url, long requestDeadline, FetchBudget budget) throws FetchException {
        if (budget.expired()) {
            throw tooSlow(url, budget);
        }
        long left = budget.bytesLeft();
        if (left == 0) {
            throw tooMuch(url, budget);
        }
        budget.request();
        boolean totalTime = budget.deadline() - requestDeadline < 0;
        return new Bounds(budget, totalTime ? budget.deadline() : requestDeadline, totalTime,
                Math.min(limits.maxBytes(), left), left < limits.maxBytes(),
                Math.min(limits.maxUnpackedBytes(), left), left < limits.maxUnpackedBytes());
    }

    private Hop hop(HttpCall call, String method, byte @Nullable [] body, URI url, boolean sameOrigin, Bounds bounds)
            throws FetchException {
        long deadline = bounds.deadline();
        String host = url.getHost();
        int port = port(url);
        CheckedAddress checked;
        try {
            checked = guard.check(host, port);
        } catch (DestinationException e) {
            // an unknown name reads like a blocked address or a closed port: no map of internal names
            log.info("Calendar fetch from {} refused by the address guard ({})", display(url),
                    e instanceof app.plugboard.net.BlockedDestinationException blocked ? blocked.range() : "unknown host");
            throw unreachable(url);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw bounds.totalTime() ? tooSlow(url, bounds.budget())
                    : failed(url, Reason.TIMEOUT, "it took longer than " + seconds(limits.deadline()) + " to answer");
        }
        Connected connected = new Connected();
        OkHttpClient client = base.newBuilder()
                .dns(name -> {
                    if (!name.equalsIgnoreCase(checked.host())) {
                        throw new java.net.UnknownHostException("not the checked host");
                    }
                    return List.of(checked.address());
                })
                .socketFactory(pinnedTo(checked.address()))
                .eventListener(connected)
                .callTimeout(Duration.ofNanos(remaining))
                .build();
        HttpUrl target = HttpUrl.parse(url.toASCIIString());
        if (target == null) {
            throw failed(url, Reason.BAD_ADDRESS, "it is not a web address Plugboard can fetch");
        }
        Request.Builder request = new Request.Builder().url(target)
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "gzip");
        call.headers().forEach(request::header);
        if (call.credentials() != null && sameOrigin) {
            String pair = call.credentials().username() + ":" + call.credentials().password().reveal();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (call.validators() != null) {
            if (call.validators().etag() != null) {
                request.header("If-None-Match", call.validators().etag());
            }
            if (call.validators().lastModified() != null) {
                request.header("If-Modified-Since", call.validators().lastModified());
            }
        }
        RequestBody requestBody = body == null ? null : RequestBody.create(body, MediaType.parse("application/xml; charset=utf-8"));
        request.method(method, requestBody);
        Call okCall = client.newCall(request.build());
        try (Response response = okCall.execute()) {
            int status = response.code();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                return new Hop(status, response.header("Location"), null);
            }
            Map<String, List<String>> headers = response.headers().toMultimap();
            if (status == 304 || "HEAD".equals(method)) {
                return new Hop(status, null, new HttpAnswer(status, url, headers, new byte[0]));
            }
            byte[] bytes = read(url, response, bounds);
            bounds.budget().spend(bytes.length);
            return new Hop(status, null, new HttpAnswer(status, url, headers, bytes));
        } catch (FetchException e) {
            throw e;
        } catch (CapExceeded e) {
            throw failed(url, e.reason, e.getMessage());
        } catch (SSLException e) {
            if (!connected.tcp) {
                throw unreachable(url);
            }
            throw failed(url, Reason.TLS, tlsProblem(e, host));
        } catch (InterruptedIOException e) {
            // OkHttp's call timeout and socket timeouts: before a connection, the same words as a refusal
            if (!connected.tcp) {
                throw unreachable(url);
            }
            if (e instanceof SocketTimeoutException && !timedOut(deadline)) {
                throw failed(url, Reason.TIMEOUT, "it stopped answering for more than " + seconds(limits.readTimeout()));
            }
            throw tooSlowToSend(url, bounds);
        } catch (ConnectException e) {
            throw unreachable(url);
        } catch (IOException e) {
            if (!connected.tcp) {
                throw unreachable(url);
            }
            if (timedOut(deadline)) {
                throw tooSlowToSend(url, bounds);
            }
            log.info("Calendar fetch from {} failed: {}", display(url), e.getClass().getSimpleName());
            throw failed(url, Reason.PROTOCOL, "its answer could not be read (the connection broke or it is not HTTP)");
        } catch (IllegalArgumentException e) {
            throw failed(url, Reason.BAD_ADDRESS, "it is not a web address Plugboard can fetch");
        }
    }

    private byte[] read(URI url, Response response, Bounds bounds) throws IOException, FetchException {
        long deadline = bounds.deadline();
        Reason reason = bounds.totalBytes() ? Reason.TOTAL_TOO_LARGE : Reason.TOO_LARGE;
        String tooLarge = bounds.totalBytes() ? addsUpTooMuch(bounds.budget()) : tooLarge();
        String length = response.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > bounds.maxBytes()) {
                    throw new CapExceeded(reason, tooLarge);
                }
            } catch (NumberFormatException e) {
                // counted below anyway
            }
        }
        String encoding = response.header("Content-Encoding");
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw failed(url, Reason.PROTOCOL, "it sent the answer in an encoding Plugboard does not read (" 
                    + encoding.strip().replaceAll("[^A-Za-z0-9-]", "") + ")");
        }
        InputStream raw = new Capped(response.body().byteStream(), bounds.maxBytes(), deadline, reason, tooLarge);
        if (!gzip) {
            return drain(raw, bounds.maxBytes(), deadline, reason, tooLarge);
        }
        try (InputStream unpacked = new GZIPInputStream(raw, 8192)) {
            return drain(unpacked, bounds.maxUnpacked(), deadline,
                    bounds.totalUnpacked() ? Reason.TOTAL_TOO_LARGE : Reason.UNPACKED_TOO_LARGE,
                    bounds.totalUnpacked() ? addsUpTooMuch(bounds.budget()) : "it is compressed and unpacks to more than "
                            + megabytes(limits.maxUnpackedBytes()) + ", more than Plugboard reads");
        } catch (ZipException e) {
            throw failed(url, Reason.PROTOCOL, "it sent a broken compressed (gzip) answer");
        }
    }

    private String tooLarge() {
        return "it sends more than " + megabytes(limits.maxBytes()) + ", more than Plugboard reads";
    }

    private static String addsUpTooMuch(FetchBudget budget) {
        return "the answers of this check add up to more than " + megabytes(budget.bytes())
                + ", more than Plugboard reads in one check";
    }

    private FetchException tooMuch(URI url, FetchBudget budget) {
        return failed(url, Reason.TOTAL_TOO_LARGE, addsUpTooMuch(budget));
    }

    private FetchException tooSlow(URI url, FetchBudget budget) {
        return failed(url, Reason.TOTAL_TIMEOUT, "this check took longer than " + seconds(budget.time()) + " in all, over "
                + budget.requests() + (budget.requests() == 1 ? " request" : " requests") + ", so Plugboard stopped");
    }

    private FetchException tooSlowToSend(URI url, Bounds bounds) {
        return bounds.totalTime() ? tooSlow(url, bounds.budget())
                : failed(url, Reason.TIMEOUT, "it took longer than " + seconds(limits.deadline()) + " to send everything");
    }

    private static byte[] drain(InputStream in, long cap, long deadline, Reason reason, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new Deadline();
            }
            int read = in.read(buffer);
            if (read < 0) {
                return out.toByteArray();
            }
            total += read;
            if (total > cap) {
                throw new CapExceeded(reason, message);
            }
            out.write(buffer, 0, read);
        }
    }

    /** Counts the bytes on the wire and checks the deadline before every read. */
    private static final class Capped extends InputStream {
        private final InputStream in;
        private final long cap;
        private final long deadline;
        private final Reason reason;
        private final String message;
        private long count;

        Capped(InputStream in, long cap, long deadline, Reason reason, String message) {
            this.in = in;
            this.cap = cap;
            this.deadline = deadline;
            this.reason = reason;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (System.nanoTime() > deadline) {
                throw new Deadline();
            }
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                count += read;
                if (count > cap) {
                    throw new CapExceeded(reason, message);
                }
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A cap was reached while reading: an IOException so it can leave a stream. */
    private static final class CapExceeded extends IOException {
        private final Reason reason;

        CapExceeded(Reason reason, String message) {
            super(message, null);
            this.reason = reason;
        }
    }

    private static final class Deadline extends InterruptedIOException {
        Deadline() {
            super("deadline");
        }
    }

    /** Remembers whether a TCP connection was made, to tell "unreachable" from "too slow". */
    private static final class Connected extends EventListener {
        volatile boolean tcp;

        @Override
        public void secureConnectStart(Call call) {
            tcp = true;
        }

        @Override
        public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, @Nullable Protocol protocol) {
            tcp = true;
        }
    }

    /**
     * Sockets that connect to the checked address only. OkHttp asks its resolver for names, but reads
     * numeric hosts itself; this makes sure it ends up where the guard said, whatever it read.
     */
    /** Sockets that connect to the checked address only (OkHttp reads numeric hosts itself). */
    private static CheckedSocketFactory pinnedTo(InetAddress allowed) {
        return new CheckedSocketFactory(endpoint -> {
            if (!(endpoint instanceof InetSocketAddress address) || address.getAddress() == null
                    || !Objects.equals(address.getAddress(), allowed)) {
                throw new ConnectException("not the checked address");
            }
        });
    }

    /**
     * The address as Plugboard will fetch it: webcal read as https, only http(s), no user info, a host.
     *
     * @throws FetchException naming what is wrong, in words for the person who typed it
     */
    URI webAddress(URI url, boolean redirect) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        URI address = url;
        if (scheme.equals("webcal") || scheme.equals("webcals")) {
            address = withScheme(url, "https");
            scheme = "https";
        } else if (url.getScheme() != null && !scheme.equals(url.getScheme())) {
            address = withScheme(url, scheme); // "Https://" as a phone types it: one spelling from here on
        }
        String where = redirect ? "it redirects to " : "";
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new FetchException(redirect ? Reason.BAD_REDIRECT : Reason.BAD_ADDRESS, (redirect
                    ? "The calendar at " + display(url) + " could not be read: it redirects to a "
                    : "The address is a ") + (scheme.isEmpty() ? "relative" : scheme + ":")
                    + " address; Plugboard only fetches https://, http:// and webcal:// addresses.");
        }
        if (scheme.equals("http") && !limits.allowHttp()) {
            throw new FetchException(redirect ? Reason.BAD_REDIRECT : Reason.BAD_ADDRESS, "The calendar at " + display(url)
                    + " could not be read: " + where + "a plain http:// address, and this Plugboard only fetches https://.");
        }
        if (url.getRawUserInfo() != null) {
            throw new FetchException(redirect ? Reason.BAD_REDIRECT : Reason.BAD_ADDRESS,
                    "The address contains a username or password before the server name: remove it and use the "
                            + "username and password fields instead.");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new FetchException(redirect ? Reason.BAD_REDIRECT : Reason.BAD_ADDRESS,
                    "The address has no server name: paste the full address, starting with https://.");
        }
        return address;
    }

    private URI redirectTarget(URI current, @Nullable String location) throws FetchException {
        if (location == null || location.isBlank()) {
            throw failed(current, Reason.BAD_REDIRECT, "it redirects without saying where to");
        }
        String target = location.strip();
        Matcher scheme = SCHEME.matcher(target);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("webcal") || name.equals("webcals")) {
                target = "https" + target.substring(scheme.end(1));
            } else if (!name.equals("http") && !name.equals("https")) {
                throw failed(current, Reason.BAD_REDIRECT, "it redirects to a " + name.replaceAll("[^a-z0-9+.-]", "")
                        + ": address; Plugboard only follows redirects to web addresses");
            }
        }
        HttpUrl base = HttpUrl.parse(current.toASCIIString());
        HttpUrl resolved = base == null ? null : base.resolve(target);
        if (resolved == null) {
            throw failed(current, Reason.BAD_REDIRECT, "it redirects to something that is not a web address");
        }
        return webAddress(resolved.uri(), true);
    }

    /** Why TLS failed, in words for the owner: only a certificate for another name is "not valid for" the host. */
    private static String tlsProblem(SSLException e, String host) {
        return TlsTrust.refusal(e).map(refusal -> switch (refusal) {
            case UNTRUSTED -> "its certificate is not trusted (self-signed or signed by an unknown authority). If the server"
                    + " has its own CA, the operator of this Plugboard can add that CA to its trust store";
            case EXPIRED -> "its certificate has expired (or is not valid yet): the server's operator must renew it";
            case OTHER_HOST -> "its certificate is not valid for " + host
                    + " (Plugboard only talks to servers with a valid certificate)";
        }).orElse("no secure connection could be set up with it: check that the address is right (an https:// address"
                + " needs a server that speaks TLS on that port)");
    }

    private FetchException unreachable(URI url) {
        return new FetchException(Reason.UNREACHABLE, capitalised(DestinationGuard.couldNotReach(url.getHost(), port(url)))
                + ": check the address, or try again later.");
    }

    private FetchException failed(URI url, Reason reason, String what) {
        log.info("Calendar fetch from {} failed: {}", display(url), reason);
        return new FetchException(reason, "The calendar at " + display(url) + " could not be read: " + what + ".");
    }

    private static boolean timedOut(long deadline) {
        return System.nanoTime() >= deadline;
    }

    static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }

    /** Scheme, host and port, as credentials are bound to them ({@code http://dav.example.com:80}; webcal is https). */
    static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        scheme = scheme.equals("webcal") || scheme.equals("webcals") ? "https" : scheme;
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port(url);
    }

    private static URI withScheme(URI url, String scheme) throws FetchException {
        try {
            return new URI(scheme + url.toString().substring(url.getScheme().length()));
        } catch (URISyntaxException e) {
            throw new FetchException(Reason.BAD_ADDRESS, "The address is not a valid web address.");
        }
    }

    /** Scheme and host only: what may be shown or logged of an address ({@code https://calendar.example.com/...}). */
    public static String display(URI url) {
        String scheme = url.getScheme() == null ? "?" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "(no host)" : url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (url.getPort() > 0 ? ":" + url.getPort() : "") + "/...";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
