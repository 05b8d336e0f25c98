package app.plugboard.integration.oauthmail;

import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security's store of authorized clients, over our integrations: an OAuth mail integration's
 * tokens, kept encrypted in its settings, under its owner (the Discord user), never in a web session.
 * The "principal" is {@code <owner>/<integration id>}, a service principal: there is no web request when
 * tokens are renewed.
 *
 * <p>Saving a renewed client stores the refresh token that came with it (Microsoft sends a new one with
 * every renewal, and the old one stops working), else keeps the stored one (Google sends none). Removing
 * a client (the provider answered {@code invalid_grant}) drops the tokens, marks the integration "needs
 * re-authentication"; its owner is told once, by the watch's notice (with Reconnect). With no tokens left,
 * nothing asks the provider again until the owner reconnects.
 */
@Component
@ConditionalOnSignIn
class OAuthMailClients implements OAuth2AuthorizedClientService {

    private static final Logger log = LoggerFactory.getLogger(OAuthMailClients.class);

    private final IntegrationService integrations;
    private final ClientRegistrationRepository registrations;
    private final TransactionTemplate transactions;
    private final MailProviders providers;

    OAuthMailClients(IntegrationService integrations, ClientRegistrationRepository registrations,
            TransactionTemplate transactions, MailProviders providers) {
        this.integrations = integrations;
        this.registrations = registrations;
        this.transactions = transactions;
        this.providers = providers;
    }

    /** The owner and integration a principal name stands for. */
    record Principal(UserId owner, IntegrationId id) {
        static Principal parse(String name) {
            int slash = name.indexOf('/');
            return new Principal(UserId.of(name.substring(0, slash)), IntegrationId.parse(name.substring(slash + 1)));
        }

        String name() {
            return owner + "/" + id;
        }
    }

    /** The status reason of an integration whose grant the provider no longer accepts. */
    static String needsReauthentication(MailProvider provider) {
        return provider.providerName() + " no longer accepts Plugboard's access (it was revoked, the password changed, "
                + "or it expired). Reconnect to sign in again.";
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, String principalName) {
        Principal principal = Principal.parse(principalName);
        OAuthMailSettings settings = MailProviders.oauth(integrations.settings(principal.owner(), principal.id()));
        if (!settings.hasTokens()) {
            return null;
        }
        return (T) client(registrations.findByRegistrationId(clientRegistrationId), principalName, settings, null);
    }

    /** The stored grant as Spring Security's client, its access token expiring at {@code expiresAt} (else as stored). */
    static OAuth2AuthorizedClient client(ClientRegistration registration, String principalName, OAuthMailSettings settings,
            @Nullable Instant expiresAt) {
        Instant expiry = expiresAt != null ? expiresAt
                : settings.accessTokenExpiresAt() != null ? settings.accessTokenExpiresAt() : Instant.EPOCH;
        Secret access = settings.accessToken();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                access == null || access.isBlank() ? "none" : access.reveal(), expiry.minusSeconds(1), expiry,
                settings.grantedScopes());
        Secret refresh = settings.refreshToken();
        return new OAuth2AuthorizedClient(registration, principalName, accessToken,
                refresh == null ? null : new OAuth2RefreshToken(refresh.reveal(), null));
    }

    /** A renewed access token, and the refresh token that came with it (or the stored one when none came). */
    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
        Principal owner = Principal.parse(principal.getName());
        OAuthMailSettings current = MailProviders.oauth(integrations.settings(owner.owner(), owner.id()));
        OAuth2AccessToken access = client.getAccessToken();
        Set<String> scopes = access.getScopes().isEmpty() ? current.grantedScopes() : new HashSet<>(access.getScopes());
        OAuth2RefreshToken refresh = client.getRefreshToken();
        boolean rotated = refresh != null && (current.refreshToken() == null
                || !refresh.getTokenValue().equals(current.refreshToken().reveal()));
        integrations.renewCredentials(owner.owner(), owner.id(), current.withTokens(Secret.of(access.getTokenValue()),
                refresh != null ? Secret.of(refresh.getTokenValue()) : current.refreshToken(), access.getExpiresAt(), scopes));
        log.info("Renewed the {} access token of integration {}{}", providers.of(current).providerName(), owner.id(),
                rotated ? " (and stored the new refresh token that came with it)" : "");
    }

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
        Principal principal = Principal.parse(principalName);
        MailProvider provider;
        try {
            provider = providers.byRegistration(clientRegistrationId).orElseThrow(() -> new NotFoundException("integration"));
            transactions.executeWithoutResult(status -> {
                OAuthMailSettings current = MailProviders.oauth(integrations.settings(principal.owner(), principal.id()));
                integrations.renewCredentials(principal.owner(), principal.id(),
                        current.withTokens(null, null, null, current.grantedScopes()));
                // nobody watched this renewal: the owner gets the watch's one notice (with Reconnect), stored in
                // this transaction and sent after it commits, never about a drop that rolled back
                integrations.recordUnseenCheck(principal.owner(), principal.id(),
                        new CheckResult(IntegrationStatus.NEEDS_REAUTHENTICATION, needsReauthentication(provider), null));
            });
        } catch (NotFoundException e) {
            return; // deleted meanwhile: nothing to tell
        }
        log.warn("{} refused to renew the access of integration {} (the grant is gone): tokens dropped, "
                + "it needs re-authentication", provider.providerName(), principal.id());
    }
}
