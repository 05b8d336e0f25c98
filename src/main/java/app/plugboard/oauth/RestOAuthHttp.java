package app.plugboard.oauth;

import app.plugboard.integration.Secret;
import app.plugboard.integration.signin.OAuthHttp;
import java.net.URI;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** User info and revocation over HTTP. Failures name the endpoint's host and the status, never a token. */
final class RestOAuthHttp implements OAuthHttp {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() { };

    private final RestClient rest;

    RestOAuthHttp(RestClient rest) {
        this.rest = rest;
    }

    @Override
    public Map<String, Object> userInfo(String endpoint, Secret accessToken) {
        try {
            Map<String, Object> info = rest.get()
                    .uri(URI.create(endpoint))
                    .headers(headers -> headers.setBearerAuth(accessToken.reveal()))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw new OAuthCallFailed(describe(endpoint) + " answered " + response.getStatusCode().value());
                    })
                    .body(JSON_OBJECT);
            if (info == null) {
                throw new OAuthCallFailed(describe(endpoint) + " answered nothing");
            }
            return info;
        } catch (RestClientException e) {
            throw new OAuthCallFailed(describe(endpoint) + " could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void revoke(String endpoint, Secret refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", refreshToken.reveal());
        form.add("token_type_hint", "refresh_token");
        try {
            rest.post()
                    .uri(URI.create(endpoint))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw new OAuthCallFailed(describe(endpoint) + " answered " + response.getStatusCode().value());
                    })
                    .toBodilessEntity();
        } catch (RestClientException e) {
            throw new OAuthCallFailed(describe(endpoint) + " could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String describe(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }
}
