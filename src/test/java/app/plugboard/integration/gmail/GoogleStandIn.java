package app.plugboard.integration.gmail;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Google (and Discord's sign-in) for tests: no.nav.security's mock-oauth2-server, with issuers
 * {@code google} and {@code discord}, answering like the real ones where it matters here:
 *
 * <ul>
 *   <li>the authorization endpoint signs in "the current account" at once and redirects back with a
 *       code (PKCE is checked at the token endpoint, by the mock);</li>
 *   <li>the token endpoint's answers carry {@code scope} (the scopes the person left ticked), as
 *       Google's do; its access tokens are JWTs with {@code email}, so the user-info endpoint
 *       returns the address;</li>
 *   <li>a test can script the next answers (a 503, {@code invalid_grant}, no refresh token) and see
 *       every request (PKCE values, how many token calls, revocations).</li>
 * </ul>
 *
 * Each issued access token is handed to {@link #onAccessToken} so the IMAP stand-in accepts it,
 * like Gmail accepts Google's tokens.
 */
public final class GoogleStandIn implements AutoCloseable {

    public static final String GOOGLE = "google";
    public static final String DISCORD = "discord";

    /** One request as the stand-in received it. */
    public record Call(String issuer, String endpoint, String method, Map<String, String> parameters) {
    }

    private final MockOAuth2Server server;
    private final Route inner;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile String googleAccount = "alice@gmail.com";
    private volatile Boolean emailVerified = true;
    private volatile String discordId = "0";
    private volatile String discordName = "nobody";
    private volatile long tokenLifetimeSeconds = 3600;
    private volatile String grantedScope;
    private final Map<String, String> scopeByCode = new ConcurrentHashMap<>();
    private final Map<String, String> scopeByRefreshToken = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<UnaryOperator<OAuth2HttpResponse>> tokenScripts = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Integer> revokeScripts = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenAnswers = new CopyOnWriteArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private volatile BiConsumer<String, String> onAccessToken = (email, token) -> { };

    private GoogleStandIn() {
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(),
                Set.of(new Identity(GOOGLE), new Identity(DISCORD)), new MockWebServerWrapper());
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

    public static GoogleStandIn start() {
        return new GoogleStandIn();
    }

    // ---------------------------------------------------------------- configuration for the app

    public String url(String issuer, String endpoint) {
        return server.url(issuer + "/" + endpoint).toString();
    }

    // ---------------------------------------------------------------- what the next sign-in does

    /** Who signs in at Google from now on. */
    public void signInAs(String googleAddress) {
        googleAccount = googleAddress;
    }

    /** What Google says of the address from now on: {@code email_verified} true, false, or absent (null). */
    public void emailVerified(Boolean verified) {
        emailVerified = verified;
    }

    /** Who signs in at Discord from now on. */
    public void signInToDiscordAs(long userId, String username) {
        discordId = Long.toUnsignedString(userId);
        discordName = username;
    }

    /** The scopes the person leaves ticked on the consent screen; null: all that were asked for. */
    public void grantOnly(String scope) {
        grantedScope = scope;
    }

    public void tokenLifetime(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    /** The next token endpoint answer is passed through {@code change} (or replaces it). */
    public void scriptNextTokenResponse(UnaryOperator<OAuth2HttpResponse> change) {
        tokenScripts.add(change);
    }

    public void failNextTokenRequest(int status, String body) {
        scriptNextTokenResponse(answer -> response(status, body));
    }

    public void omitRefreshTokenNextTime() {
        scriptNextTokenResponse(answer -> {
            ObjectNode body = (ObjectNode) json.readTree(answer.getBody());
            body.remove("refresh_token");
            return response(answer.getStatus(), json.writeValueAsString(body));
        });
    }

    public void failNextRevocation(int status) {
        revokeScripts.add(status);
    }

    public void onAccessToken(BiConsumer<String, String> listener) {
        onAccessToken = listener;
    }

    public void reset() {
        googleAccount = "alice@gmail.com";
        emailVerified = true;
        discordId = "0";
        discordName = "nobody";
        tokenLifetimeSeconds = 3600;
        grantedScope = null;
        tokenScripts.clear();
        revokeScripts.clear();
        calls.clear();
        tokenAnswers.clear();
    }

    // ---------------------------------------------------------------- what happened

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String issuer, String endpoint) {
        return calls.stream().filter(c -> c.issuer().equals(issuer) && c.endpoint().equals(endpoint)).toList();
    }

    public List<Call> tokenCalls(String grantType) {
        return calls(GOOGLE, "token").stream().filter(c -> grantType.equals(c.parameters().get("grant_type"))).toList();
    }

    /** The tokens of each successful answer of Google's token endpoint, in order ({@code access_token}, {@code refresh_token}). */
    public List<Map<String, String>> tokenAnswers() {
        return List.copyOf(tokenAnswers);
    }

    /** Every code and token this stand-in issued, ever: none may appear in a log line. */
    public Set<String> issuedSecrets() {
        return Collections.unmodifiableSet(issued);
    }

    @Override
    public void close() {
        server.shutdown();
    }

    // ---------------------------------------------------------------- handling

    private OAuth2HttpResponse handle(OAuth2HttpRequest request) {
        HttpUrl url = request.getUrl();
        List<String> segments = url.pathSegments();
        String issuer = segments.isEmpty() ? "" : segments.get(0);
        String endpoint = segments.size() > 1 ? segments.get(segments.size() - 1) : "";
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            parameters.put(name, url.queryParameter(name));
        }
        parameters.putAll(form(request.getBody()));
        calls.add(new Call(issuer, endpoint, request.getMethod(), Map.copyOf(parameters)));

        if (endpoint.equals("authorize")) {
            return authorize(request, issuer, parameters);
        }
        if (endpoint.equals("token")) {
            UnaryOperator<OAuth2HttpResponse> script = tokenScripts.poll();
            OAuth2HttpResponse answer = token(request, issuer, parameters);
            OAuth2HttpResponse sent = script == null ? answer : script.apply(answer);
            recordTokens(issuer, sent);
            return sent;
        }
        if (endpoint.equals("revoke")) {
            Integer status = revokeScripts.poll();
            if (status != null) {
                return response(status, "{\"error\":\"server_error\"}");
            }
        }
        return inner.invoke(request);
    }

    /**
     * Like Google: the person is signed in already and clicks "Allow" on the consent screen
     * ({@code prompt=consent} is answered at once); the scopes they left ticked go with the code.
     */
    private OAuth2HttpResponse authorize(OAuth2HttpRequest request, String issuer, Map<String, String> parameters) {
        HttpUrl.Builder asked = request.getOriginalUrl().newBuilder().removeAllQueryParameters("prompt");
        if (issuer.equals(DISCORD)) {
            // the mock parses every authorization request as OpenID Connect, which needs "openid"
            asked.setQueryParameter("scope", "openid " + parameters.getOrDefault("scope", ""));
        }
        OAuth2HttpResponse answer = inner.invoke(
                new OAuth2HttpRequest(request.getHeaders(), request.getMethod(), asked.build(), request.getBody()));
        String location = answer.getHeaders().get("Location");
        HttpUrl back = location == null ? null : HttpUrl.parse(location);
        if (back != null && back.queryParameter("code") != null) {
            String code = back.queryParameter("code");
            issued.add(code);
            String granted = grantedScope != null ? grantedScope : parameters.getOrDefault("scope", "");
            scopeByCode.put(code, granted);
        }
        return answer;
    }

    /** Like Google: the answer says which scopes were granted; every token is remembered. */
    private OAuth2HttpResponse token(OAuth2HttpRequest request, String issuer, Map<String, String> parameters) {
        OAuth2HttpResponse answer = inner.invoke(request);
        if (answer.getStatus() != 200 || answer.getBody() == null) {
            return answer;
        }
        ObjectNode body = (ObjectNode) json.readTree(answer.getBody());
        String scope = "authorization_code".equals(parameters.get("grant_type"))
                ? scopeByCode.getOrDefault(parameters.getOrDefault("code", ""), "")
                : scopeByRefreshToken.getOrDefault(parameters.getOrDefault("refresh_token", ""), "");
        if (issuer.equals(GOOGLE)) {
            body.put("scope", scope);
        } else {
            body.remove("scope");
        }
        body.remove("id_token"); // not used by Plugboard
        if ("refresh_token".equals(parameters.get("grant_type"))) {
            body.remove("refresh_token"); // Google keeps the refresh token as it is and does not send it again
        }
        for (String field : List.of("access_token", "refresh_token")) {
            if (body.hasNonNull(field)) {
                issued.add(body.get(field).asString());
            }
        }
        if (body.hasNonNull("refresh_token")) {
            scopeByRefreshToken.put(body.get("refresh_token").asString(), scope);
        }
        if (issuer.equals(GOOGLE) && body.hasNonNull("access_token")) {
            onAccessToken.accept(emailOf(body.get("access_token").asString()), body.get("access_token").asString());
        }
        return response(200, json.writeValueAsString(body));
    }

    private void recordTokens(String issuer, OAuth2HttpResponse sent) {
        if (!issuer.equals(GOOGLE) || sent.getStatus() != 200 || sent.getBody() == null) {
            return;
        }
        ObjectNode body = (ObjectNode) json.readTree(sent.getBody());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String field : List.of("access_token", "refresh_token")) {
            if (body.hasNonNull(field)) {
                tokens.put(field, body.get(field).asString());
            }
        }
        tokenAnswers.add(Map.copyOf(tokens));
    }

    private static String emailOf(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("email");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static OAuth2HttpResponse response(int status, String json) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), status, json, null);
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

    /** Whoever "signs in" at the moment a token is issued: Google's address, or Discord's id and name. */
    private final class Identity implements OAuth2TokenCallback {
        private final String issuer;

        Identity(String issuer) {
            this.issuer = issuer;
        }

        @Override
        public String issuerId() {
            return issuer;
        }

        @Override
        public String subject(TokenRequest request) {
            return issuer.equals(GOOGLE) ? "sub-" + googleAccount : discordId;
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return JOSEObjectType.JWT.getType();
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return List.of("plugboard");
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            Map<String, Object> claims = new LinkedHashMap<>();
            if (issuer.equals(GOOGLE)) {
                claims.put("email", googleAccount);
                if (emailVerified != null) {
                    claims.put("email_verified", emailVerified);
                }
            } else {
                claims.put("id", discordId);
                claims.put("username", discordName);
            }
            return claims;
        }

        @Override
        public long tokenExpiry() {
            return tokenLifetimeSeconds;
        }
    }
}
