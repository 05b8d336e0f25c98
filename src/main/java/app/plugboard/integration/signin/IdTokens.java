package app.plugboard.integration.signin;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * OpenID Connect ID tokens, checked the way Spring Security's Nimbus decoder checks them: the signature
 * against the authorization server's published keys (its JWKS, fetched with timeouts and cached), then
 * the validator the caller gives (issuer, audience, nonce, times). Made outside the domain
 * ({@code app.plugboard.oauth}), which fetches the keys over HTTP.
 */
public interface IdTokens {

    /** A decoder for the tokens signed by the keys at {@code jwkSetUri}, each then checked by {@code validator}. */
    JwtDecoder decoder(String jwkSetUri, OAuth2TokenValidator<Jwt> validator);
}
