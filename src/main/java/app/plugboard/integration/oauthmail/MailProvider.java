package app.plugboard.integration.oauthmail;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * One provider of mail through an OAuth sign-in, as the one flow needs it described: its client and
 * scopes, what it adds to the authorization request, how it says which account signed in, its mail
 * servers, and its words (what it asks the person to allow, why it refused). A bean in its type's package
 * ({@code integration.gmail}: Google; {@code integration.outlook}: Microsoft), present while its client is
 * configured.
 */
public interface MailProvider {

    /** The integration type this provider's sign-ins make ({@code GMAIL}); its key also names its buttons ({@code gmail:reconnect}). */
    IntegrationType type();

    /** The client registration's id, also the last part of its callback: {@code google} for {@code /oauth2/callback/google}. */
    String registrationId();

    /** How the chat names the mailbox in short: "Gmail", "Outlook". */
    String service();

    /** Where the person signs in: "Google", "Microsoft". */
    String providerName();

    /** The client registration (client, endpoints, scopes, PKCE required), for the given redirect URI. */
    ClientRegistration registration(String redirectUri);

    /** The scope without which the mailbox cannot be read (Gmail: {@code https://mail.google.com/}). */
    String requiredScope();

    /** Whether the granted scopes include {@link #requiredScope()}. */
    default boolean mailGranted(Set<String> scopes) {
        return scopes.contains(requiredScope());
    }

    /**
     * Adds what this provider's authorization request needs besides the standard parameters
     * (Google: {@code access_type=offline}, {@code prompt=consent}).
     *
     * @param account the address of the account being signed in to again, or null for a new integration
     */
    void authorizationParameters(Map<String, Object> parameters, @Nullable String account);

    /** Whether the authorization request carries an OpenID Connect nonce that the ID token must bring back. */
    boolean sendsNonce();

    /**
     * Who signed in, from the token response (Google: its user info; Microsoft: the validated ID token).
     *
     * @throws app.plugboard.integration.signin.OAuthHttp.OAuthCallFailed when the provider could not say
     * @throws AccountRefused when the account is one this Plugboard does not accept
     */
    Account account(OAuth2AccessTokenResponse response);

    /** The settings to store for this account and these tokens. */
    OAuthMailSettings settings(Account account, Secret accessToken, Secret refreshToken,
            @Nullable Instant accessTokenExpiresAt, Set<String> grantedScopes);

    MailServers servers();

    // ------------------------------------------------------------------ words

    /** What the provider will ask the person to allow, and what to answer: the confirmation page shows it. */
    String consent();

    /** The same for the chat's message with the link. */
    String linkAdvice();

    /** The person came back without a code ({@code error}, with the provider's {@code error_description} if any). */
    Refusal notAllowed(String error, @Nullable String description);

    /** The token endpoint refused the code. */
    Refusal exchangeRefused(OAuth2Error error);

    /** The provider gave no refresh token. */
    Refusal noLastingAccess(String address);

    /** {@link #requiredScope()} was not granted. */
    Refusal scopeMissing(String address);

    /** The provider does not vouch for the address. */
    Refusal unverified(String address);

    /**
     * The mail server refused the new token.
     *
     * @param serverText what the IMAP server said (to recognise a known refusal; never shown as it is)
     */
    Refusal imapRefused(String address, @Nullable String serverText);

    /** The status of a stored integration whose mail server refused a token the provider had just renewed. */
    String loginRefusedAfterRenewal(@Nullable String serverText);

    /** Where a person removes Plugboard's access at the provider, for messages and logs. */
    String removeAccessAt();

    /**
     * A grant the provider gave to a sign-in that was then refused: given back where the provider allows
     * it (Google revokes), else left to the person ({@link #removeAccessAt()}).
     *
     * @param token the refresh token, or the access token when none came
     */
    default void refusedGrant(UUID linkId, @Nullable String address, Secret token) {
    }

    /**
     * A token request refused because of this Plugboard's own client (Microsoft: its client secret expired), not
     * the person's grant: what the operator must do, and what the person reads. Empty for any other error.
     */
    default Optional<ClientProblem> clientProblem(OAuth2Error error) {
        return Optional.empty();
    }

    /** The types of error the provider answers a renewal with when the grant is gone for good ({@code invalid_grant}). */
    default Set<String> grantGone() {
        return Set.of("invalid_grant");
    }
}
