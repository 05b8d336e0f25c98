package app.plugboard.integration.outlook;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.oauthmail.Account;
import app.plugboard.integration.oauthmail.AccountRefused;
import app.plugboard.integration.oauthmail.ClientProblem;
import app.plugboard.integration.oauthmail.MailProvider;
import app.plugboard.integration.oauthmail.MailServers;
import app.plugboard.integration.oauthmail.OAuthMailSettings;
import app.plugboard.integration.oauthmail.Refusal;
import app.plugboard.integration.signin.IdTokens;
import app.plugboard.integration.signin.OAuthHttp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;

/**
 * Microsoft, as the OAuth mail flow needs it: the Outlook IMAP and SMTP scopes with {@code offline_access}
 * (Microsoft sends a refresh token with every renewal, and the old one stops working: the flow stores the
 * new one), {@code openid email profile} for the ID token, which says who signed in (those Outlook scopes
 * give no token for a user-info endpoint). The ID token is checked by Spring Security's Nimbus decoder:
 * its signature against Microsoft's published keys, then its times, its audience (our client id), its
 * issuer ({@code https://login.microsoftonline.com/<its tid>/v2.0}: with {@code common}, {@code organizations}
 * or {@code consumers} the tenant is the token's own), and the flow compares its nonce with the one it sent.
 * Microsoft has no endpoint to give a grant back: the person removes Plugboard's access themselves
 * ({@link #removeAccessAt()}).
 */
@Component
@ConditionalOnOutlookSignIn
class OutlookProvider implements MailProvider {

    static final String MICROSOFT = "microsoft";
    static final String IMAP_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All";
    static final String SMTP_SCOPE = "https://outlook.office.com/SMTP.Send";
    static final String PERSONAL_CONSENTS = "https://account.live.com/consent/Manage";
    static final String MY_APPS = "https://myapps.microsoft.com";

    private final OutlookProperties properties;
    private final JwtDecoder idTokens;

    OutlookProvider(OutlookProperties properties, IdTokens idTokens) {
        this.properties = properties;
        OutlookProperties.Microsoft microsoft = properties.microsoft();
        this.idTokens = idTokens.decoder(microsoft.forTenant(microsoft.jwkSetUri()), validator(microsoft));
    }

    /** Times, audience and the tenant's issuer; the signature is the decoder's own check. */
    static OAuth2TokenValidator<Jwt> validator(OutlookProperties.Microsoft microsoft) {
        OAuth2TokenValidator<Jwt> audience = token -> token.getAudience() != null
                && token.getAudience().contains(microsoft.clientId()) ? OAuth2TokenValidatorResult.success()
                : failure("the ID token is for another client (aud)");
        OAuth2TokenValidator<Jwt> issuer = token -> {
            String tid = token.getClaimAsString("tid");
            String iss = token.getClaimAsString("iss");
            return tid != null && !tid.isBlank() && microsoft.issuerOf(tid).equals(iss) ? OAuth2TokenValidatorResult.success()
                    : failure("the ID token's issuer is not Microsoft's for its tenant (iss, tid)");
        };
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), audience, issuer);
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }

    @Override
    public IntegrationType type() {
        return OutlookType.TYPE;
    }

    @Override
    public String registrationId() {
        return MICROSOFT;
    }

    @Override
    public String service() {
        return "Outlook";
    }

    @Override
    public String providerName() {
        return "Microsoft";
    }

    @Override
    public ClientRegistration registration(String redirectUri) {
        OutlookProperties.Microsoft microsoft = properties.microsoft();
        return ClientRegistration.withRegistrationId(MICROSOFT)
                .clientId(microsoft.clientId())
                .clientSecret(microsoft.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(Set.of("openid", "email", "profile", "offline_access", IMAP_SCOPE, SMTP_SCOPE))
                .authorizationUri(microsoft.forTenant(microsoft.authorizationUri()))
                .tokenUri(microsoft.forTenant(microsoft.tokenUri()))
                .jwkSetUri(microsoft.forTenant(microsoft.jwkSetUri()))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    @Override
    public String requiredScope() {
        return IMAP_SCOPE;
    }

    /** Microsoft writes the granted scopes as it likes (full or short, any case): IMAP's is what matters. */
    @Override
    public boolean mailGranted(Set<String> scopes) {
        return scopes.stream().anyMatch(scope -> scope.equalsIgnoreCase(IMAP_SCOPE)
                || scope.toLowerCase(Locale.ROOT).endsWith("/imap.accessasuser.all")
                || scope.equalsIgnoreCase("IMAP.AccessAsUser.All"));
    }

    @Override
    public void authorizationParameters(Map<String, Object> parameters, @Nullable String account) {
        if (account != null) {
            parameters.put("login_hint", account);
        } else {
            // someone signed in to several Microsoft accounts picks the mailbox, rather than getting the last one used
            parameters.put("prompt", "select_account");
        }
    }

    @Override
    public boolean sendsNonce() {
        return true;
    }

    /** The validated ID token: who signed in (tenant and object id), the mailbox's address, and the nonce it carried back. */
    @Override
    public Account account(OAuth2AccessTokenResponse response) {
        Object idToken = response.getAdditionalParameters().get("id_token");
        if (!(idToken instanceof String token) || token.isBlank()) {
            throw new OAuthHttp.OAuthCallFailed("Microsoft's token answer has no ID token");
        }
        Jwt jwt;
        try {
            jwt = idTokens.decode(token);
        } catch (JwtException e) {
            throw new OAuthHttp.OAuthCallFailed("Microsoft's ID token did not validate (" + why(e) + ")");
        }
        String tid = jwt.getClaimAsString("tid");
        MicrosoftTenants.refusal(properties.microsoft().tenant(), tid).ifPresent(why -> {
            throw new AccountRefused(MicrosoftErrors.notAllowed("this Plugboard is set up so that " + why + "."),
                    "the account's tenant is not one PLUGBOARD_MICROSOFT_TENANT accepts");
        });
        String address = address(jwt);
        String objectId = jwt.getClaimAsString("oid") != null ? jwt.getClaimAsString("oid") : jwt.getSubject();
        return new Account(address, tid + "/" + objectId, true, jwt.getClaimAsString("nonce"));
    }

    /** Why an ID token was refused, for the log: which check failed, never the token or the decoder's text. */
    private static String why(JwtException e) {
        if (e instanceof JwtValidationException invalid) {
            return "JwtValidationException: " + invalid.getErrors().stream().map(OAuth2Error::getDescription).toList();
        }
        if (e instanceof BadJwtException) {
            return "BadJwtException: its signature does not verify against Microsoft's published keys, or it is malformed";
        }
        return e.getClass().getSimpleName() + ": Microsoft's published keys could not be read";
    }

    /**
     * The mailbox's address: {@code email}, else {@code preferred_username} when it is an address (a work account's
     * sign-in name). Neither is proof of owning the mailbox: the XOAUTH2 login that follows is.
     */
    private static String address(Jwt jwt) {
        for (String claim : List.of("email", "preferred_username")) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && value.strip().matches("[^@\\s]+@[^@\\s]+")) {
                return value.strip();
            }
        }
        throw new OAuthHttp.OAuthCallFailed("Microsoft's ID token names no email address");
    }

    @Override
    public OAuthMailSettings settings(Account account, Secret accessToken, Secret refreshToken,
            @Nullable Instant accessTokenExpiresAt, Set<String> grantedScopes) {
        String id = account.id() == null ? "/" : account.id();
        int slash = id.indexOf('/');
        return new OutlookSettings(account.address(), id.substring(0, slash), id.substring(slash + 1), accessToken,
                refreshToken, accessTokenExpiresAt, grantedScopes);
    }

    @Override
    public MailServers servers() {
        return properties.servers();
    }

    @Override
    public String consent() {
        return "Microsoft will ask you to allow Plugboard to read and send your mail (Outlook's IMAP and SMTP) and to "
                + "keep that access. For a work or school account, your organisation may require an administrator's "
                + "approval first.";
    }

    @Override
    public String linkAdvice() {
        return "Allow Plugboard to read and send your mail (Outlook's IMAP and SMTP) and to keep that access.";
    }

    @Override
    public Refusal notAllowed(String error, @Nullable String description) {
        return MicrosoftErrors.explained(error, description).orElseGet(() -> new Refusal("Not connected", "Microsoft "
                + "did not let Plugboard in, so nothing was connected. Run the command in Discord again for a new link."));
    }

    @Override
    public Optional<ClientProblem> clientProblem(OAuth2Error error) {
        return MicrosoftErrors.clientProblem(error.getErrorCode(), error.getDescription());
    }

    @Override
    public Refusal exchangeRefused(OAuth2Error error) {
        if (clientProblem(error).isPresent()) {
            return MicrosoftErrors.clientRefused();
        }
        return MicrosoftErrors.explained(error.getErrorCode(), error.getDescription()).orElseGet(() -> new Refusal(
                "Microsoft did not complete the sign-in", "The sign-in could not be completed, so nothing was "
                        + "connected. Run the command in Discord again for a new link."));
    }

    @Override
    public Refusal noLastingAccess(String address) {
        return new Refusal("Microsoft gave no lasting access", "Microsoft signed you in as " + address + " but did not "
                + "let Plugboard keep access (it sent no refresh token), so nothing was connected. Run the command in "
                + "Discord again and allow Plugboard to keep access.");
    }

    @Override
    public Refusal scopeMissing(String address) {
        return new Refusal("Outlook access was not allowed", "Microsoft signed you in as " + address + " but did not "
                + "grant Plugboard access to your mail over IMAP, so nothing was connected. For a work or school account, "
                + "ask your administrator to approve all of Plugboard's permissions, then run the command in Discord again.");
    }

    @Override
    public Refusal unverified(String address) {
        return new Refusal("Microsoft did not vouch for this address", "Microsoft signed you in, but Plugboard cannot "
                + "tell the mailbox " + address + " is yours, so nothing was connected.");
    }

    @Override
    public Refusal imapRefused(String address, @Nullable String serverText) {
        if (MicrosoftErrors.imapDisabled(serverText)) {
            return new Refusal("IMAP is turned off for this mailbox", MicrosoftErrors.IMAP_OFF + " (in the Microsoft 365 "
                    + "admin center: the user's Mail settings, Manage email apps, IMAP). Microsoft accepted the sign-in as "
                    + address + ", but Outlook's IMAP did not let Plugboard in. Nothing was connected.");
        }
        return new Refusal("Outlook refused the sign-in", "Microsoft accepted the sign-in as " + address + ", but "
                + "Outlook's IMAP did not let Plugboard in (the address may not be a mailbox of this account, or an "
                + "administrator may have turned IMAP off). Nothing was connected.");
    }

    @Override
    public String loginRefusedAfterRenewal(@Nullable String serverText) {
        return MicrosoftErrors.imapDisabled(serverText) ? MicrosoftErrors.IMAP_OFF + "."
                : "Outlook refused the login although Microsoft renewed the access. An administrator may have turned "
                        + "IMAP off for this mailbox; otherwise reconnect.";
    }

    @Override
    public String removeAccessAt() {
        return PERSONAL_CONSENTS + " (personal accounts) or " + MY_APPS + " (work or school accounts)";
    }

    /** Microsoft's refresh answers name a gone grant {@code invalid_grant} (AADSTS700082, 70008, 50173 ...) or, when the person must sign in again, {@code interaction_required}. */
    @Override
    public Set<String> grantGone() {
        return Set.of("invalid_grant", "interaction_required");
    }

    /** Where to remove Plugboard's access: Microsoft has no endpoint to give a grant back. */
    static String whereToRemove(OutlookSettings settings) {
        return settings.personal()
                ? "Microsoft still lists Plugboard among the apps you allowed: remove it at " + PERSONAL_CONSENTS + "."
                : "Microsoft still lists Plugboard among the apps you allowed: remove it at " + MY_APPS
                        + " (My Apps: Manage your apps), or ask your organisation's administrator.";
    }
}
