package app.plugboard.integration.oauthmail;

import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.Secret;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a mailbox connected through an OAuth sign-in: its address and the provider's tokens.
 * The tokens are absent when the provider no longer accepts the grant and the owner must sign in again.
 */
public interface OAuthMailSettings extends IntegrationSettings {

    /** The mailbox's address, the XOAUTH2 login. */
    @Nullable String address();

    /** The provider's lasting id of the account ({@link Account#id()}), or null. */
    default @Nullable String accountId() {
        return null;
    }

    @Nullable Secret accessToken();

    @Nullable Secret refreshToken();

    @Nullable Instant accessTokenExpiresAt();

    Set<String> grantedScopes();

    default boolean hasTokens() {
        return refreshToken() != null;
    }

    /** The same account with these tokens (all null: dropped, until the owner signs in again). */
    OAuthMailSettings withTokens(@Nullable Secret accessToken, @Nullable Secret refreshToken,
            @Nullable Instant accessTokenExpiresAt, Set<String> grantedScopes);
}
