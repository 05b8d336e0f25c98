package app.plugboard.integration.signin;

import app.plugboard.integration.Secret;
import java.util.Map;

/**
 * The authorization servers' endpoints besides the token endpoint (which Spring Security's token
 * response clients call): user info and revocation. Implemented over HTTP, with timeouts, outside
 * the domain ({@code app.plugboard.oauth}).
 */
public interface OAuthHttp {

    /**
     * The user-info document for the access token (Google: {@code email}; Discord: {@code id}).
     *
     * @throws OAuthCallFailed when the endpoint refuses or cannot be reached
     */
    Map<String, Object> userInfo(String endpoint, Secret accessToken);

    /**
     * Revokes the grant behind a refresh token (RFC 7009).
     *
     * @throws OAuthCallFailed when the endpoint refuses or cannot be reached
     */
    void revoke(String endpoint, Secret refreshToken);

    /** A call that failed; its message names the endpoint and the status, never a token. */
    class OAuthCallFailed extends RuntimeException {
        public OAuthCallFailed(String message) {
            super(message);
        }
    }
}
