package app.plugboard.integration.gmail;

import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.FormatCharacters;
import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserFacingException;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.IntegrationView;
import app.plugboard.integration.Secret;
import app.plugboard.integration.gmail.OAuthLinks.Link;
import app.plugboard.integration.gmail.OAuthLinks.Provider;
import app.plugboard.integration.gmail.OAuthLinks.ResultKind;
import app.plugboard.integration.gmail.OAuthLinks.UsedState;
import app.plugboard.integration.signin.OAuthHttp;
import app.plugboard.integration.signin.SignInFlow;
import app.plugboard.integration.signin.SignInObserver;
import app.plugboard.integration.signin.SignInPaths;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.stereotype.Service;

/**
 * The browser part of a Gmail sign-in, from the confirmation page to the stored integration: the
 * {@link SignInFlow} behind the sign-in pages. The web adapter calls it with what the browser sent;
 * it answers where the browser goes next. Every
 * callback ends in a redirect (to the next authorization server, or to a result page), so the
 * authorization code never stays in the address bar.
 *
 * <ol>
 *   <li>{@link #confirmation}: the page asks "Connect a Gmail account to Discord user @name?"
 *       and uses nothing up.</li>
 *   <li>{@link #confirm}: uses the link up and sends the browser to Discord (when a Discord client
 *       is configured, to check who is signing in) or Google, with a fresh state, PKCE S256 and a
 *       browser binding (a cookie the callback must bring back).</li>
 *   <li>{@link #callback} from Discord: the visitor must be the Discord user the link was made for.</li>
 *   <li>{@link #callback} from Google: uses the state up, exchanges the code, reads the Google address
 *       (Google must say it verified it), refuses a grant without a refresh token or without
 *       Gmail's scope (and, when signing in again, another account), proves IMAP works with
 *       XOAUTH2, stores the tokens encrypted under the Discord user, and tells the chat. A grant
 *       refused after the exchange is given back to Google at once ({@link GmailRevocation}).</li>
 * </ol>
 */
@Service
@ConditionalOnGmailSignIn
class GmailConnectFlow implements SignInFlow {

    static final String GMAIL_SCOPE = "https://mail.google.com/";
    static final String DISCORD = "discord";
    private static final String CONSENT = "Google will ask you to allow Plugboard to read, send and delete your mail "
            + "(Gmail's IMAP needs that permission). Leave every box ticked.";
    private static final Logger log = LoggerFactory.getLogger(GmailConnectFlow.class);

    private record Outcome(ResultKind kind, String title, String detail, @Nullable String chat) {
        static Outcome refused(String title, String detail) {
            return new Outcome(ResultKind.REFUSED, title, detail, null);
        }

        static Outcome failed(String title, String detail) {
            return new Outcome(ResultKind.FAILED, title, detail, null);
        }
    }

    private final OAuthLinks links;
    private final ClientRegistrationRepository registrations;
    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeClient;
    private final OAuthHttp http;
    private final SecretCipher cipher;
    private final IntegrationService integrations;
    private final GmailTokens tokens;
    private final GmailImap imap;
    private final GmailProperties properties;
    private final ObjectProvider<Notifier> notifier;
    private final GmailRevocation revocation;
    private final SignInObserver observer;

    GmailConnectFlow(OAuthLinks links, ClientRegistrationRepository registrations,
            OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeClient, OAuthHttp http,
            SecretCipher cipher, IntegrationService integrations, GmailTokens tokens, GmailImap imap,
            GmailProperties properties, ObjectProvider<Notifier> notifier, GmailRevocation revocation,
            SignInObserver observer) {
        this.links = links;
        this.registrations = registrations;
        this.codeClient = codeClient;
        this.http = http;
        this.cipher = cipher;
        this.integrations = integrations;
        this.tokens = tokens;
        this.imap = imap;
        this.properties = properties;
        this.notifier = notifier;
        this.revocation = revocation;
        this.observer = observer;
    }

    @Override
    public Optional<Confirmation> confirmation(String linkToken) {
        if (!SignInTokens.wellFormed(linkToken)) {
            return Optional.empty();
        }
        return links.findOpenLink(SignInTokens.hash(linkToken)).map(link -> new Confirmation("Gmail", "Google", CONSENT,
                link.ownerName(), link.label(), accountOf(link), properties.discordSignIn().configured(),
                URI.create(properties.base() + SignInPaths.CONNECT + linkToken)));
    }

    /** The visitor confirmed: the link is used up, the browser goes to Discord or Google. */
    @Override
    public Step confirm(String linkToken) {
        Optional<Link> link = SignInTokens.wellFormed(linkToken)
                ? links.useLink(SignInTokens.hash(linkToken)) : Optional.empty();
        if (link.isEmpty()) {
            return expired();
        }
        String binding = SignInTokens.random();
        Provider first = properties.discordSignIn().configured() ? Provider.DISCORD : Provider.GOOGLE;
        return new Step(authorizeAt(first, link.get(), binding), binding);
    }

    @Override
    public Step callback(String server, Callback callback) {
        return switch (server) {
            case GmailTokens.GOOGLE -> googleCallback(callback.state(), callback.code(), callback.error(),
                    callback.browserBinding());
            case DISCORD -> discordCallback(callback.state(), callback.code(), callback.error(), callback.browserBinding());
            default -> expired();
        };
    }

    private Step discordCallback(@Nullable String state, @Nullable String code, @Nullable String error,
            @Nullable String binding) {
        Optional<UsedState> used = use(Provider.DISCORD, state, binding);
        if (used.isEmpty()) {
            return expired(Provider.DISCORD);
        }
        Link link = used.get().link();
        if (error != null || code == null || code.isBlank()) {
            return finish(Provider.DISCORD, link, Outcome.refused("Not signed in with Discord", "Discord sign-in was cancelled, so nothing "
                    + "was connected. Run the command in Discord again when you want to connect Gmail."));
        }
        ClientRegistration discord = registrations.findByRegistrationId(DISCORD);
        String discordUser;
        String discordName;
        try {
            OAuth2AccessTokenResponse response = exchange(discord, used.get(), state, code);
            Map<String, Object> me = http.userInfo(properties.discordSignIn().userInfoUri(),
                    Secret.of(response.getAccessToken().getTokenValue()));
            discordUser = String.valueOf(me.get("id"));
            discordName = FormatCharacters.strip(String.valueOf(me.getOrDefault("username", "another account")));
        } catch (OAuth2AuthorizationException | OAuthHttp.OAuthCallFailed e) {
            log.warn("Discord sign-in for Gmail link {} could not be completed: {}", link.id(), reason(e));
            return finish(Provider.DISCORD, link, Outcome.failed("Discord sign-in did not complete", "Discord did not confirm who you "
                    + "are, so nothing was connected. Run the command in Discord again for a new link."));
        }
        if (!link.owner().toString().equals(discordUser)) {
            log.warn("Gmail link {} of user {} was opened by another Discord user: refused", link.id(), link.owner());
            return finish(Provider.DISCORD, link, new Outcome(ResultKind.REFUSED, "This link is for someone else",
                    "This link was made for " + link.ownerName() + ", but you signed in to Discord as @" + discordName
                            + ". Nothing was connected. Only open Gmail links you asked for yourself in Discord.",
                    "❌ Your Gmail link for **" + link.label() + "** was opened by another Discord account (@" + discordName
                            + "), so nothing was connected. If you did not share it, someone else has seen it: "
                            + "links work once, and this one is now used up."));
        }
        return new Step(authorizeAt(Provider.GOOGLE, link, binding), null);
    }

    private Step googleCallback(@Nullable String state, @Nullable String code, @Nullable String error,
            @Nullable String binding) {
        Optional<UsedState> used = use(Provider.GOOGLE, state, binding);
        if (used.isEmpty()) {
            return expired(Provider.GOOGLE);
        }
        Link link = used.get().link();
        if (error != null || code == null || code.isBlank()) {
            return finish(Provider.GOOGLE, link, Outcome.refused("Not connected", "You did not allow Plugboard at Google, so nothing was "
                    + "connected. Run the command in Discord again when you want to connect Gmail."));
        }
        try {
            return finish(Provider.GOOGLE, link, connect(link, used.get(), state, code));
        } catch (RuntimeException e) {
            log.error("Gmail sign-in of link {} failed unexpectedly ({})", link.id(), e.getClass().getName());
            return finish(Provider.GOOGLE, link, Outcome.failed("Something went wrong on our side", "Nothing was connected. Run the "
                    + "command in Discord again; if it keeps happening, tell whoever runs this Plugboard."));
        }
    }

    @Override
    public Optional<ResultPage> result(String resultId) {
        UUID id;
        try {
            id = UUID.fromString(resultId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return links.findResult(id).map(result -> new ResultPage(result.kind() == ResultKind.CONNECTED, result.title(),
                result.detail()));
    }

    /** Exchanges the code; whatever refuses the grant after that gives it back to Google (finally). */
    private Outcome connect(Link link, UsedState used, @Nullable String state, String code) {
        ClientRegistration google = registrations.findByRegistrationId(GmailTokens.GOOGLE);
        OAuth2AccessTokenResponse response;
        try {
            response = exchange(google, used, state, code);
        } catch (OAuth2AuthorizationException e) {
            return notCompleted(link, e);
        }
        String address = null;
        Outcome outcome = null;
        try {
            GoogleAccount account = googleAccount(response);
            address = account.address();
            outcome = account.verified() ? checkAndStore(link, response, address) : unverified(address);
            return outcome;
        } catch (OAuthHttp.OAuthCallFailed e) {
            outcome = notCompleted(link, e);
            return outcome;
        } finally {
            if (outcome == null || outcome.kind() != ResultKind.CONNECTED) {
                OAuth2RefreshToken refresh = response.getRefreshToken();
                revocation.refusedSignIn(link.id(), address, Secret.of(refresh != null ? refresh.getTokenValue()
                        : response.getAccessToken().getTokenValue()));
            }
        }
    }

    private static Outcome notCompleted(Link link, RuntimeException e) {
        log.warn("Google sign-in of Gmail link {} could not be completed: {}", link.id(), reason(e));
        return Outcome.failed("Google did not complete the sign-in", "The sign-in could not be completed, so "
                + "nothing was connected. Run the command in Discord again for a new link.");
    }

    private static Outcome unverified(String address) {
        return Outcome.refused("Google has not verified this address", "Google signed you in as " + address + " but "
                + "says it has not verified that address, so Plugboard cannot tell the mailbox is yours, and nothing was "
                + "connected. Verify the address in your Google account (or use another account), then run the command "
                + "in Discord again.");
    }

    /** Checks the grant Google gave for {@code address}, proves IMAP works, stores it. */
    private Outcome checkAndStore(Link link, OAuth2AccessTokenResponse response, String address) {
        if (response.getRefreshToken() == null) {
            return Outcome.refused("Google gave no lasting access", "Google signed you in as " + address + " but did not "
                    + "let Plugboard keep access (it sent no refresh token), so nothing was connected. Remove Plugboard "
                    + "at https://myaccount.google.com/permissions, then run the command in Discord again and allow access.");
        }
        if (!response.getAccessToken().getScopes().contains(GMAIL_SCOPE)) {
            return Outcome.refused("Gmail access was not allowed", "On Google's consent screen, the permission to read, "
                    + "send and delete your mail was not ticked, and Gmail's IMAP does not work without it. Nothing was "
                    + "connected. Run the command in Discord again and leave every box ticked.");
        }
        String expected = accountOf(link);
        if (link.integration() != null && expected != null && !expected.equalsIgnoreCase(address)) {
            return new Outcome(ResultKind.REFUSED, "That is another Google account", "You signed in as " + address
                    + ", but " + link.label() + " is connected to " + expected + ". Nothing was changed. Sign in again with "
                    + expected + ", or add " + address + " as a new integration.",
                    unchanged(link, expected) + " You signed in to Google as " + address + ": sign in again as "
                            + expected + ", or add " + address + " as a new integration.");
        }
        GmailSettings settings = new GmailSettings(address, Secret.of(response.getAccessToken().getTokenValue()),
                Secret.of(response.getRefreshToken().getTokenValue()), response.getAccessToken().getExpiresAt(),
                response.getAccessToken().getScopes());
        GmailImap.Login login = imap.inbox(address, settings.accessToken());
        if (login instanceof GmailImap.Refused) {
            return Outcome.refused("Gmail refused the sign-in", "Google accepted the sign-in as " + address + ", but "
                    + "Gmail's IMAP did not let Plugboard in (for a work or school account, an administrator may have "
                    + "turned IMAP or third-party access off). Nothing was connected.");
        }
        if (login instanceof GmailImap.Unreachable unreachable) {
            return Outcome.failed("Gmail did not answer", "Google accepted the sign-in as " + address + ", but Gmail's "
                    + "IMAP could not be checked: " + unreachable.why() + ". Nothing was connected; try again in a few "
                    + "minutes.");
        }
        String preview = preview(address, (GmailImap.Inbox) login);
        try {
            IntegrationView stored = store(link, settings, CheckResult.connected(preview));
            log.info("Gmail sign-in of link {}: integration {} of user {} connected", link.id(), stored.id(), link.owner());
        } catch (UserFacingException e) {
            return Outcome.refused("Not connected", e.userMessage());
        }
        String done = link.integration() == null ? "is connected" : "is connected again";
        return new Outcome(ResultKind.CONNECTED, "Connected as " + address,
                link.label() + " " + done + ": " + preview + " You can close this tab.",
                "✅ **" + link.label() + "** (Gmail) " + done + ". " + preview);
    }

    static String preview(String address, GmailImap.Inbox inbox) {
        return String.format(Locale.ROOT, "Connected as %s: INBOX %,d messages (%,d unread).", address, inbox.messages(),
                Math.max(0, inbox.unread()));
    }

    private IntegrationView store(Link link, GmailSettings settings, CheckResult check) {
        IntegrationId id = link.integration();
        if (id == null) {
            return integrations.create(link.owner(), link.label(), settings, check);
        }
        return tokens.serialized(id, () -> {
            for (int attempt = 1; ; attempt++) {
                IntegrationView current = integrations.get(link.owner(), id);
                try {
                    return integrations.replaceSettings(link.owner(), id, current.version(), settings, check);
                } catch (ChangedMeanwhileException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        });
    }

    private URI authorizeAt(Provider provider, Link link, String binding) {
        ClientRegistration registration = registrations.findByRegistrationId(
                provider == Provider.GOOGLE ? GmailTokens.GOOGLE : DISCORD);
        String state = SignInTokens.random();
        OAuth2AuthorizationRequest.Builder builder = authorizationRequest(registration, state);
        if (provider == Provider.GOOGLE) {
            String account = accountOf(link);
            builder.additionalParameters(parameters -> {
                parameters.put("access_type", "offline");
                parameters.put("prompt", "consent");
                if (account != null) {
                    parameters.put("login_hint", account);
                }
            });
        }
        OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
        OAuth2AuthorizationRequest request = builder.build();
        if (!"S256".equals(request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE_METHOD))) {
            throw new IllegalStateException("PKCE S256 is unavailable");
        }
        UUID stateId = UUID.randomUUID();
        String verifier = request.getAttribute(PkceParameterNames.CODE_VERIFIER);
        links.addState(stateId, link.id(), provider, SignInTokens.hash(state), SignInTokens.hash(binding),
                cipher.encrypt(verifier, verifierContext(stateId)), properties.linkLifetime());
        return URI.create(request.getAuthorizationRequestUri());
    }

    private static OAuth2AuthorizationRequest.Builder authorizationRequest(ClientRegistration registration, @Nullable String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state);
    }

    private OAuth2AccessTokenResponse exchange(ClientRegistration registration, UsedState used, @Nullable String state,
            String code) {
        String verifier = cipher.decrypt(used.encryptedVerifier(), verifierContext(used.id()));
        OAuth2AuthorizationRequest request = authorizationRequest(registration, state)
                .attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, verifier))
                .build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(registration.getRedirectUri())
                .state(state)
                .build();
        return codeClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                new OAuth2AuthorizationExchange(request, response)));
    }

    /** The Google account, from Google's user info: its address, and whether Google says it verified it (true only). */
    private record GoogleAccount(String address, boolean verified) {
    }

    private GoogleAccount googleAccount(OAuth2AccessTokenResponse response) {
        Map<String, Object> info = http.userInfo(properties.google().userInfoUri(),
                Secret.of(response.getAccessToken().getTokenValue()));
        if (!(info.get("email") instanceof String email) || email.isBlank()) {
            throw new OAuthHttp.OAuthCallFailed("Google's user info has no email address");
        }
        return new GoogleAccount(email.strip(), "true".equals(String.valueOf(info.get("email_verified"))));
    }

    private @Nullable String accountOf(Link link) {
        if (link.integration() == null) {
            return null;
        }
        try {
            return GmailAuthorizedClients.gmail(integrations.settings(link.owner(), link.integration())).googleAddress();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private Optional<UsedState> use(Provider provider, @Nullable String state, @Nullable String binding) {
        if (state == null || binding == null || !SignInTokens.wellFormed(state) || !SignInTokens.wellFormed(binding)) {
            return Optional.empty();
        }
        return links.useState(provider, SignInTokens.hash(state), SignInTokens.hash(binding));
    }

    private Step finish(Provider provider, Link link, Outcome outcome) {
        observer.ended(provider.name().toLowerCase(Locale.ROOT), switch (outcome.kind()) {
            case CONNECTED -> SignInObserver.Outcome.CONNECTED;
            case REFUSED -> SignInObserver.Outcome.REFUSED;
            case FAILED -> SignInObserver.Outcome.FAILED;
        });
        UUID resultId = UUID.randomUUID();
        links.recordResult(link.id(), resultId, new OAuthLinks.Result(outcome.kind(), outcome.title(), outcome.detail()));
        Message chat = Message.text(outcome.chat() != null ? outcome.chat() : notConnected(link, outcome));
        if (outcome.kind() != ResultKind.CONNECTED && link.integration() != null) {
            chat = chat.withRow(ControlRow.of(Control.Button.of(new GmailReconnect.Reconnect(link.integration()), "Reconnect",
                    Control.Style.PRIMARY)));
        }
        Message message = chat;
        notifier.ifAvailable(n -> n.notify(link.owner(), message, link.replyKey()));
        return new Step(URI.create(properties.base() + SignInPaths.RESULT + resultId), null);
    }

    /** A new integration "was not connected"; one signed in again stays as it was. */
    private String notConnected(Link link, Outcome outcome) {
        String account = accountOf(link);
        return account == null ? "❌ **" + link.label() + "** (Gmail) was not connected: " + outcome.detail()
                : unchanged(link, account) + " " + outcome.detail();
    }

    /** The chat's first words when signing in again was refused: the integration is as it was. */
    private String unchanged(Link link, String account) {
        boolean waiting = link.integration() != null && integrations.list(link.owner()).stream()
                .anyMatch(view -> view.id().equals(link.integration()) && view.status() == IntegrationStatus.NEEDS_REAUTHENTICATION);
        return "❌ **" + link.label() + "** (Gmail) " + (waiting ? "still needs you to sign in again as " : "stays connected as ")
                + account + "; nothing changed.";
    }

    private Step expired() {
        return new Step(URI.create(properties.base() + SignInPaths.EXPIRED), null);
    }

    /** A callback whose state is unknown, used up or too old: a sign-in that ended there. */
    private Step expired(Provider provider) {
        observer.ended(provider.name().toLowerCase(Locale.ROOT), SignInObserver.Outcome.EXPIRED);
        return expired();
    }

    private static String verifierContext(UUID stateId) {
        return "oauth-state/" + stateId;
    }

    /** An error code or a class name: never the exception's text, which may quote a response. */
    private static String reason(RuntimeException e) {
        if (e instanceof OAuth2AuthorizationException oauth) {
            return oauth.getError().getErrorCode() + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
        }
        return e.getMessage();
    }
}
