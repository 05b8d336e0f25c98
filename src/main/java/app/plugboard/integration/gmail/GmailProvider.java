package app.plugboard.integration.gmail;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.oauthmail.Account;
import app.plugboard.integration.oauthmail.MailProvider;
import app.plugboard.integration.oauthmail.MailServers;
import app.plugboard.integration.oauthmail.OAuthClient;
import app.plugboard.integration.oauthmail.OAuthMailSettings;
import app.plugboard.integration.oauthmail.Refusal;
import app.plugboard.integration.signin.OAuthHttp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Component;

/**
 * Google, as the OAuth mail flow needs it: the scopes Gmail's IMAP and SMTP accept ({@code https://mail.google.com/},
 * plus {@code openid email}), {@code access_type=offline} and {@code prompt=consent} (else no refresh token when
 * someone connects again), the account from Google's user info (Google must say it verified the address), and
 * a refused sign-in's grant given back at once ({@link GmailRevocation}).
 */
@Component
@ConditionalOnGmailSignIn
class GmailProvider implements MailProvider {

    static final String GOOGLE = "google";
    static final String GMAIL_SCOPE = "https://mail.google.com/";
    static final String PERMISSIONS = "https://myaccount.google.com/permissions";

    private final GmailProperties properties;
    private final OAuthHttp http;
    private final GmailRevocation revocation;

    GmailProvider(GmailProperties properties, OAuthHttp http, GmailRevocation revocation) {
        this.properties = properties;
        this.http = http;
        this.revocation = revocation;
    }

    @Override
    public IntegrationType type() {
        return GmailType.TYPE;
    }

    @Override
    public String registrationId() {
        return GOOGLE;
    }

    @Override
    public String service() {
        return "Gmail";
    }

    @Override
    public String providerName() {
        return "Google";
    }

    @Override
    public ClientRegistration registration(String redirectUri) {
        OAuthClient google = properties.google();
        return ClientRegistration.withRegistrationId(GOOGLE)
                .clientId(google.clientId())
                .clientSecret(google.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(Set.of("openid", "email", GMAIL_SCOPE))
                .authorizationUri(google.authorizationUri())
                .tokenUri(google.tokenUri())
                .userInfoUri(google.userInfoUri())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    @Override
    public String requiredScope() {
        return GMAIL_SCOPE;
    }

    @Override
    public void authorizationParameters(Map<String, Object> parameters, @Nullable String account) {
        parameters.put("access_type", "offline");
        parameters.put("prompt", "consent");
        if (account != null) {
            parameters.put("login_hint", account);
        }
    }

    @Override
    public boolean sendsNonce() {
        return false;
    }

    /** Google's user info: the address, and whether Google says it verified it (true only). */
    @Override
    public Account account(OAuth2AccessTokenResponse response) {
        Map<String, Object> info = http.userInfo(properties.google().userInfoUri(),
                Secret.of(response.getAccessToken().getTokenValue()));
        if (!(info.get("email") instanceof String email) || email.isBlank()) {
            throw new OAuthHttp.OAuthCallFailed("Google's user info has no email address");
        }
        return new Account(email.strip(), null, "true".equals(String.valueOf(info.get("email_verified"))), null);
    }

    @Override
    public OAuthMailSettings settings(Account account, Secret accessToken, Secret refreshToken,
            @Nullable Instant accessTokenExpiresAt, Set<String> grantedScopes) {
        return new GmailSettings(account.address(), accessToken, refreshToken, accessTokenExpiresAt, grantedScopes);
    }

    @Override
    public MailServers servers() {
        return properties.servers();
    }

    @Override
    public String consent() {
        return "Google will ask you to allow Plugboard to read, send and delete your mail (Gmail's IMAP needs that "
                + "permission). Leave every box ticked.";
    }

    @Override
    public String linkAdvice() {
        return "Allow Plugboard to read, send and delete your mail (Gmail's IMAP needs that permission) and leave every "
                + "box ticked.";
    }

    @Override
    public Refusal notAllowed(String error, @Nullable String description) {
        return new Refusal("Not connected", "You did not allow Plugboard at Google, so nothing was connected. Run the "
                + "command in Discord again when you want to connect Gmail.");
    }

    @Override
    public Refusal exchangeRefused(OAuth2Error error) {
        return new Refusal("Google did not complete the sign-in", "The sign-in could not be completed, so nothing was "
                + "connected. Run the command in Discord again for a new link.");
    }

    @Override
    public Refusal noLastingAccess(String address) {
        return new Refusal("Google gave no lasting access", "Google signed you in as " + address + " but did not let "
                + "Plugboard keep access (it sent no refresh token), so nothing was connected. Remove Plugboard at "
                + PERMISSIONS + ", then run the command in Discord again and allow access.");
    }

    @Override
    public Refusal scopeMissing(String address) {
        return new Refusal("Gmail access was not allowed", "On Google's consent screen, the permission to read, send and "
                + "delete your mail was not ticked, and Gmail's IMAP does not work without it. Nothing was connected. Run "
                + "the command in Discord again and leave every box ticked.");
    }

    @Override
    public Refusal unverified(String address) {
        return new Refusal("Google has not verified this address", "Google signed you in as " + address + " but says it "
                + "has not verified that address, so Plugboard cannot tell the mailbox is yours, and nothing was "
                + "connected. Verify the address in your Google account (or use another account), then run the command "
                + "in Discord again.");
    }

    @Override
    public Refusal imapRefused(String address, @Nullable String serverText) {
        return new Refusal("Gmail refused the sign-in", "Google accepted the sign-in as " + address + ", but Gmail's IMAP "
                + "did not let Plugboard in (for a work or school account, an administrator may have turned IMAP or "
                + "third-party access off). Nothing was connected.");
    }

    @Override
    public String loginRefusedAfterRenewal(@Nullable String serverText) {
        return "Gmail refused the login although Google renewed the access. For a work or school account, an "
                + "administrator may have turned IMAP off; otherwise reconnect.";
    }

    @Override
    public String removeAccessAt() {
        return PERMISSIONS;
    }

    @Override
    public void refusedGrant(UUID linkId, @Nullable String address, Secret token) {
        revocation.refusedSignIn(linkId, address, token);
    }
}
