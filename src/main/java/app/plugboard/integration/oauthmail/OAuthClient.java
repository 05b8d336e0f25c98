package app.plugboard.integration.oauthmail;

import org.jspecify.annotations.Nullable;

/**
 * One OAuth client at one authorization server, as the operator configured it.
 *
 * @param userInfoUri where the account is read with the access token (Google, Discord); null where the
 *                    ID token says who signed in (Microsoft)
 * @param revokeUri   where a grant is given back (Google); null where there is no such endpoint
 */
public record OAuthClient(@Nullable String clientId, @Nullable String clientSecret, String authorizationUri,
        String tokenUri, @Nullable String userInfoUri, @Nullable String revokeUri) {

    public boolean configured() {
        return clientId != null && !clientId.isBlank();
    }

    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + ", clientSecret=***, authorizationUri=" + authorizationUri
                + ", tokenUri=" + tokenUri + ", userInfoUri=" + userInfoUri + ", revokeUri=" + revokeUri + "]";
    }
}
