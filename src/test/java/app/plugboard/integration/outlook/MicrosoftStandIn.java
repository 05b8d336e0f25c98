package app.plugboard.integration.outlook;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft's identity platform for tests: no.nav.security's mock-oauth2-server with one issuer per tenant,
 * each named like a tenant (its id), so an ID token's issuer is {@code <stand-in>/<tenant id>} and carries
 * that tenant as {@code tid}, as Microsoft's do. Plugboard is pointed at {@code <stand-in>/common/...}, like
 * Microsoft's {@code common} endpoints, which sign in personal and work accounts alike:
 *
 * <ul>
 *   <li>the authorization endpoint signs in "the current account" at once (its tenant's issuer answers) and
 *       redirects back with a code, or with an error a test scripted ({@code AADSTS65001}, say);</li>
 *   <li>the token endpoint answers with an ID token (nonce, {@code tid}, {@code oid}, {@code email} or
 *       {@code preferred_username}), the granted Outlook scopes, and a refresh token that rotates: every
 *       renewal answers a new one and the one it used is refused from then on ({@code invalid_grant});</li>
 *   <li>the keys of every tenant are published at {@code common/jwks}.</li>
 * </ul>
 *
 * Each issued access token is handed to {@link #onAccessToken} so the mail stand-in accepts it.
 */
public final class MicrosoftStandIn implements AutoCloseable {

    public static final String PERSONAL = "9188040d-6c67-4c5b-b112-36a304b66dad";
    public static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String COMMON = "common";
    public static final String GRANTED = "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send";

    /** One account at Microsoft. */
    public record Who(String address, String tenant, String objectId, boolean emailClaim) {
        public static Who personal(String address) {
            return new Who(address, PERSONAL, "00000000-0000-0000-" + Integer.toHexString(address.hashCode() & 0xffff)
                    + "-000000000001", true);
        }

        /** A work account: its address is its sign-in name ({@code preferred_username}), no {@code email} claim. */
        public static Who work(String address) {
            return new Who(address, CONTOSO, UUID.nameUUIDFromBytes(address.getBytes(StandardCharsets.UTF_8)).toString(), false);
        }
    }

    /** One request as the stand-in received it. */
    public record Call(String tenant, String endpoint, String method, Map<String, String> parameters) {
    }

    private final MockOAuth2Server server;
    private final Route inner;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Who current = Who.personal("alice@outlook.com");
    private volatile Who issuing = current;
    private volatile String grantedScope = GRANTED;
    private volatile String tidOverride;
    private volatile boolean forgeNonce;
    private volatile boolean anotherAudience;
    private volatile boolean tamperIdToken;
    private volatile long tokenDelayMillis;
    private final Map<String, Who> byCode = new ConcurrentHashMap<>();
    /** Our refresh tokens (the ones Plugboard holds) to the mock's, and whose they are; used ones are removed. */
    private final Map<String, String> liveRefresh = new ConcurrentHashMap<>();
    private final Map<String, Who> refreshOwner = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<UnaryOperator<OAuth2HttpResponse>> tokenScripts = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<String[]> authorizeErrors = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenAnswers = new CopyOnWriteArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private volatile BiConsumer<String, String> onAccessToken = (address, token) -> { };

    private MicrosoftStandIn() {
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                Set.of(new Identity(PERSONAL), new Identity(CONTOSO)), new MockWebServerWrapper());
        inner = new OAuth2HttpRequestHandler(config).getAuthorizationServer();
        server = new MockOAuth2Server(config, new Route() {
            @Override
            public boolean match(OAuth2HttpRequest request) {
                return true;
            }

            @Override
            public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
                return handle(request);
            }
        });
        server.start();
    }

    public static MicrosoftStandIn start() {
        return new MicrosoftStandIn();
    }

    // ---------------------------------------------------------------- configuration for the app

    /** {@code <stand-in>/<tenant>/<endpoint>}; Plugboard's setting uses {@code {tenant}} for the tenant. */
    public String url(String tenant, String endpoint) {
        return server.url(tenant + "/" + endpoint).toString();
    }

    /** {@code <stand-in>/{tenant}/<endpoint>}, as Plugboard is configured with it. */
    public String template(String endpoint) {
        return base() + "{tenant}/" + endpoint;
    }

    /** The issuer with {@code {tenantid}} for the token's tenant, as Plugboard is configured with it. */
    public String issuerTemplate() {
        return base() + "{tenantid}";
    }

    private String base() {
        String base = server.url("x").toString();
        return base.substring(0, base.length() - 1);
    }

    // ---------------------------------------------------------------- what the next sign-in does

    public void signInAs(Who who) {
        current = who;
    }

    /** The scopes Microsoft grants (the answer's {@code scope}). */
    public void grantOnly(String scope) {
        grantedScope = scope;
    }

    /** The next ID tokens name this tenant as {@code tid}, whatever their issuer (a token that does not add up). */
    public void claimTenant(String tid) {
        tidOverride = tid;
    }

    /** The next ID token carries another nonce than the one the authorization request sent. */
    public void forgeNonceNextTime() {
        forgeNonce = true;
    }

    /** The next ID token is for another client (its {@code aud}). */
    public void anotherAudienceNextTime() {
        anotherAudience = true;
    }

    /** The next ID token is changed after it was signed (its {@code email} and {@code preferred_username}): its signature no longer matches. */
    public void tamperIdTokenNextTime() {
        tamperIdToken = true;
    }

    /** The token endpoint takes this long to answer, as Microsoft may under load. */
    public void delayTokenAnswers(Duration delay) {
        tokenDelayMillis = delay.toMillis();
    }

    /** The next authorization answers with {@code error} and {@code error_description} instead of a code. */
    public void failNextAuthorization(String error, String description) {
        authorizeErrors.add(new String[] {error, description});
    }

    public void scriptNextTokenResponse(UnaryOperator<OAuth2HttpResponse> change) {
        tokenScripts.add(change);
    }

    public void failNextTokenRequest(int status, String body) {
        scriptNextTokenResponse(answer -> response(status, body));
    }

    public void onAccessToken(BiConsumer<String, String> listener) {
        onAccessToken = listener;
    }

    public void reset() {
        current = Who.personal("alice@outlook.com");
        grantedScope = GRANTED;
        tidOverride = null;
        forgeNonce = false;
        anotherAudience = false;
        tamperIdToken = false;
        tokenDelayMillis = 0;
        tokenScripts.clear();
        authorizeErrors.clear();
        calls.clear();
        tokenAnswers.clear();
    }

    // ---------------------------------------------------------------- what happened

    public List<Call> calls(String endpoint) {
        return calls.stream().filter(c -> c.endpoint().equals(endpoint)).toList();
    }

    public List<Call> tokenCalls(String grantType) {
        return calls("token").stream().filter(c -> grantType.equals(c.parameters().get("grant_type"))).toList();
    }

    /** The tokens of each successful answer of the token endpoint, in order. */
    public List<Map<String, String>> tokenAnswers() {
        return List.copyOf(tokenAnswers);
    }

    public Set<String> issuedSecrets() {
        return Collections.unmodifiableSet(issued);
    }

    /** Whether Microsoft would still renew with this refresh token (a rotated one is not). */
    public boolean accepts(String refreshToken) {
        return liveRefresh.containsKey(refreshToken);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    // ---------------------------------------------------------------- handling

    private synchronized OAuth2HttpResponse handle(OAuth2HttpRequest request) {
        HttpUrl url = request.getUrl();
        List<String> segments = url.pathSegments();
        String tenant = segments.isEmpty() ? "" : segments.get(0);
        String endpoint = segments.size() > 1 ? segments.get(segments.size() - 1) : "";
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            parameters.put(name, url.queryParameter(name));
        }
        parameters.putAll(form(request.getBody()));
        calls.add(new Call(tenant, endpoint, request.getMethod(), Map.copyOf(parameters)));
        return switch (endpoint) {
            case "authorize" -> authorize(request, parameters);
            case "token" -> {
                pause(tokenDelayMillis);
                UnaryOperator<OAuth2HttpResponse> script = tokenScripts.poll();
                OAuth2HttpResponse answer = script != null ? script.apply(null) : token(request, parameters);
                record(answer);
                yield answer;
            }
            case "jwks" -> keys();
            default -> inner.invoke(request);
        };
    }

    /** Signs the current account in at its own tenant's issuer (or answers the scripted error). */
    private OAuth2HttpResponse authorize(OAuth2HttpRequest request, Map<String, String> parameters) {
        String[] error = authorizeErrors.poll();
        if (error != null) {
            HttpUrl back = HttpUrl.parse(parameters.get("redirect_uri")).newBuilder()
                    .addQueryParameter("error", error[0])
                    .addQueryParameter("error_description", error[1])
                    .addQueryParameter("state", parameters.get("state"))
                    .build();
            return new OAuth2HttpResponse(Headers.of("Location", back.toString()), 302, null, null);
        }
        Who who = current;
        HttpUrl.Builder forwarded = request.getOriginalUrl().newBuilder()
                .encodedPath("/" + who.tenant() + "/authorize")
                .removeAllQueryParameters("prompt")
                .removeAllQueryParameters("login_hint");
        if (forgeNonce) {
            forgeNonce = false;
            forwarded.setQueryParameter("nonce", "a-nonce-this-sign-in-never-sent-" + UUID.randomUUID());
        }
        HttpUrl asked = forwarded.build();
        OAuth2HttpResponse answer = inner.invoke(
                new OAuth2HttpRequest(request.getHeaders(), request.getMethod(), asked, request.getBody()));
        String location = answer.getHeaders().get("Location");
        HttpUrl back = location == null ? null : HttpUrl.parse(location);
        if (back != null && back.queryParameter("code") != null) {
            issued.add(back.queryParameter("code"));
            byCode.put(back.queryParameter("code"), who);
        }
        return answer;
    }

    private OAuth2HttpResponse token(OAuth2HttpRequest request, Map<String, String> parameters) {
        boolean refresh = "refresh_token".equals(parameters.get("grant_type"));
        Who who;
        Map<String, String> forwarded = new LinkedHashMap<>(parameters);
        if (refresh) {
            String presented = parameters.getOrDefault("refresh_token", "");
            String mock = liveRefresh.remove(presented);
            if (mock == null) {
                return response(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: The provided "
                        + "value for the 'refresh_token' is not valid. Trace ID: 1\",\"error_codes\":[70000]}");
            }
            who = refreshOwner.remove(presented);
            forwarded.put("refresh_token", mock);
        } else {
            who = byCode.get(parameters.getOrDefault("code", ""));
            if (who == null) {
                return response(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The provided "
                        + "authorization code or refresh token has expired due to inactivity.\"}");
            }
        }
        issuing = who;
        if (anotherAudience && !refresh) {
            anotherAudience = false;
            forwarded.put("client_id", "someone-elses-client");
        }
        HttpUrl url = request.getUrl().newBuilder().encodedPath("/" + who.tenant() + "/token").build();
        OAuth2HttpResponse answer = inner.invoke(new OAuth2HttpRequest(request.getHeaders(), request.getMethod(), url,
                encode(forwarded)));
        if (answer.getStatus() != 200 || answer.getBody() == null) {
            return answer;
        }
        ObjectNode body = (ObjectNode) json.readTree(answer.getBody());
        body.put("scope", grantedScope);
        // like Microsoft: a new refresh token with every answer; the one just used no longer works
        String mockRefresh = body.hasNonNull("refresh_token") ? body.get("refresh_token").asString() : forwarded.get("refresh_token");
        String ours = "ms-rt-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        liveRefresh.put(ours, mockRefresh);
        refreshOwner.put(ours, who);
        body.put("refresh_token", ours);
        if (tamperIdToken && !refresh && body.hasNonNull("id_token")) {
            tamperIdToken = false;
            body.put("id_token", tampered(body.get("id_token").asString()));
        }
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (body.hasNonNull(field)) {
                issued.add(body.get(field).asString());
            }
        }
        onAccessToken.accept(who.address(), body.get("access_token").asString());
        return response(200, json.writeValueAsString(body));
    }

    /** The same signed token with another mailbox in its claims, its signature left as it was. */
    private String tampered(String idToken) {
        String[] parts = idToken.split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("email", "mallory@outlook.com");
        claims.put("preferred_username", "mallory@outlook.com");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims))
                + "." + parts[2];
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(OAuth2HttpResponse sent) {
        if (sent.getStatus() != 200 || sent.getBody() == null) {
            return;
        }
        ObjectNode body = (ObjectNode) json.readTree(sent.getBody());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (body.hasNonNull(field)) {
                tokens.put(field, body.get(field).asString());
            }
        }
        tokenAnswers.add(Map.copyOf(tokens));
    }

    /** Like Microsoft's {@code common} keys: every tenant's signing keys in one set. */
    private OAuth2HttpResponse keys() {
        ObjectNode all = json.createObjectNode();
        ArrayNode keys = all.putArray("keys");
        for (String tenant : List.of(PERSONAL, CONTOSO)) {
            HttpUrl url = server.url(tenant + "/jwks");
            OAuth2HttpResponse answer = inner.invoke(new OAuth2HttpRequest(Headers.of(), "GET", url, null));
            ((ObjectNode) json.readTree(answer.getBody())).get("keys").forEach(keys::add);
        }
        return response(200, json.writeValueAsString(all));
    }

    static OAuth2HttpResponse response(int status, String json) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), status, json, null);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    /** Whoever the token is being issued to, at the tenant whose issuer answers. */
    private final class Identity implements OAuth2TokenCallback {
        private final String tenant;

        Identity(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public String issuerId() {
            return tenant;
        }

        @Override
        public String subject(TokenRequest request) {
            return "sub-" + issuing.objectId();
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return JOSEObjectType.JWT.getType();
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of("https://outlook.office.com");
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            Who who = issuing;
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("tid", tidOverride != null ? tidOverride : who.tenant());
            claims.put("oid", who.objectId());
            claims.put("preferred_username", who.address());
            claims.put("name", "Test Person");
            if (who.emailClaim()) {
                claims.put("email", who.address());
            }
            return claims;
        }

        @Override
        public long tokenExpiry() {
            return 3600;
        }
    }
}
