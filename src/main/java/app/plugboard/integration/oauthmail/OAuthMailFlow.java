package app.plugboard.integration.oauthmail;

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
import app.plugboard.integration.oauthmail.OAuthLinks.Link;
import app.plugboard.integration.oauthmail.OAuthLinks.ResultKind;
import app.plugboard.integration.oauthmail.OAuthLinks.UsedState;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import app.plugboard.integration.signin.OAuthHttp;
import app.plugboard.integration.signin.SignInFlow;
import app.plugboard.integration.signin.SignInObserver;
import app.plugboard.integration.signin.SignInPaths;
import java.net.URI;
import java.security.MessageDigest;
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
 * The browser part of a mail sign-in, from the confirmation page to the stored integration, for every
 * {@link MailProvider}: the {@link SignInFlow} behind the sign-in pages. The web adapter calls it with
 * what the browser sent; it answers where the browser goes next. Every callback ends in a redirect (to
 * the next authorization server, or to a result page), so the authorization code never stays in the
 * address bar.
 *
 * <ol>
 *   <li>{@link #confirmation}: the page asks "Connect a Gmail account to Discord user @name?" and uses
 *       nothing up.</li>
 *   <li>{@link #confirm}: uses the link up and sends the browser to Discord (when a Discord client is
 *       configured, to check who is signing in) or the link's provider, with a fresh state, PKCE S256, a
 *       browser binding (a cookie the callback must bring back) and, for OpenID Connect providers, a nonce.</li>
 *   <li>{@link #callback} from Discord: the visitor must be the Discord user the link was made for.</li>
 *   <li>{@link #callback} from the provider: uses the state up, exchanges the code, learns the account
 *       (the provider must vouch for the address; an ID token must carry the nonce back), refuses a grant
 *       without a refresh token or without the mail scope (and, when signing in again, another account),
 *       proves IMAP works with XOAUTH2, stores the tokens encrypted under the Discord user, and tells the
 *       chat. A grant refused after the exchange is handed to the provider's {@link MailProvider#refusedGrant}.</li>
 * </ol>
 */
@Service
@ConditionalOnSignIn
class OAuthMailFlow implements SignInFlow {

    private static final Logger log = LoggerFactory.getLogger(OAuthMailFlow.class);

    private record Outcome(ResultKind kind, String title, String detail, @Nullable String chat) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(ResultKind.REFUSED, refusal.title(), refusal.detail(), null);
        }

        static Outcome failed(Refusal refusal) {
            return new Outcome(ResultKind.FAILED, refusal.title(), refusal.detail(), null);
        }
    }

    private final OAuthLinks links;
    private final MailProviders providers;
    private final ClientRegistrationRepository registrations;
    private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeClient;
    private final OAuthHttp http;
    private final SecretCipher cipher;
    private final IntegrationService integrations;
    private final OAuthMailTokens tokens;
    private final XOAuth2Imap imap;
    private final SignInProperties properties;
    private final ObjectProvider<Notifier> notifier;
    private final SignInObserver observer;

    OAuthMailFlow(OAuthLinks links, MailProviders providers, ClientRegistrationRepository registrations,
            OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeClient, OAuthHttp http,
            SecretCipher cipher, IntegrationService integrations, OAuthMailTokens tokens, XOAuth2Imap imap,
            SignInProperties properties, ObjectProvider<Notifier> notifier, SignInObserver observer) {
        this.links = links;
        this.providers = providers;
        this.registrations = registrations;
        this.codeClient = codeClient;
        this.http = http;
        this.cipher = cipher;
        this.integrations = integrations;
        this.tokens = tokens;
        this.imap = imap;
        this.properties = properties;
        this.notifier = notifier;
        this.observer = observer;
    }

    @Override
    public Optional<Confirmation> confirmation(String linkToken) {
        if (!SignInTokens.wellFormed(linkToken)) {
            return Optional.empty();
        }
        return links.findOpenLink(SignInTokens.hash(linkToken)).flatMap(link -> providers.byKey(link.provider())
                .map(provider -> new Confirmation(provider.service(), provider.providerName(), provider.consent(),
                        link.ownerName(), link.label(), accountOf(link), properties.discordSignIn().configured(),
                        URI.create(properties.base() + SignInPaths.CONNECT + linkToken))));
    }

    /** The visitor confirmed: the link is used up, the browser goes to Discord or the provider. */
    @Override
    public Step confirm(String linkToken) {
        Optional<Link> link = SignInTokens.wellFormed(linkToken)
                ? links.useLink(SignInTokens.hash(linkToken)) : Optional.empty();
        Optional<MailProvider> provider = link.flatMap(l -> providers.byKey(l.provider()));
        if (link.isEmpty() || provider.isEmpty()) {
            return expired();
        }
        String binding = SignInTokens.random();
        return new Step(properties.discordSignIn().configured() ? authorizeAtDiscord(link.get(), binding)
                : authorizeAt(provider.get(), link.get(), binding), binding);
    }

    @Override
    public Step callback(String server, Callback callback) {
        if (server.equals(SignInConfiguration.DISCORD)) {
            return discordCallback(callback.state(), callback.code(), callback.error(), callback.browserBinding());
        }
        return providers.byRegistration(server)
                .map(provider -> providerCallback(provider, callback))
                .orElseGet(this::expired);
    }

    private Step discordCallback(@Nullable String state, @Nullable String code, @Nullable String error,
            @Nullable String binding) {
        Optional<UsedState> used = use(OAuthLinks.DISCORD, state, binding);
        Optional<MailProvider> found = used.flatMap(u -> providers.byKey(u.link().provider()));
        if (used.isEmpty() || found.isEmpty()) {
            return expired(SignInConfiguration.DISCORD);
        }
        MailProvider provider = found.get();
        Link link = used.get().link();
        if (error != null || code == null || code.isBlank()) {
            return finish(provider, link, Outcome.refused(new Refusal("Not signed in with Discord", "Discord sign-in was "
                    + "cancelled, so nothing was connected. Run the command in Discord again when you want to connect "
                    + provider.service() + ".")));
        }
        ClientRegistration discord = registrations.findByRegistrationId(SignInConfiguration.DISCORD);
        String discordUser;
        String discordName;
        try {
            OAuth2AccessTokenResponse response = exchange(discord, used.get(), state, code);
            Map<String, Object> me = http.userInfo(properties.discordSignIn().userInfoUri(),
                    Secret.of(response.getAccessToken().getTokenValue()));
            discordUser = String.valueOf(me.get("id"));
            discordName = FormatCharacters.strip(String.valueOf(me.getOrDefault("username", "another account")));
        } catch (OAuth2AuthorizationException | OAuthHttp.OAuthCallFailed e) {
            log.warn("Discord sign-in for {} link {} could not be completed: {}", provider.service(), link.id(), reason(e));
            return finish(provider, link, Outcome.failed(new Refusal("Discord sign-in did not complete", "Discord did not "
                    + "confirm who you are, so nothing was connected. Run the command in Discord again for a new link.")));
        }
        if (!link.owner().toString().equals(discordUser)) {
            log.warn("{} link {} of user {} was opened by another Discord user: refused", provider.service(), link.id(),
                    link.owner());
            return finish(provider, link, new Outcome(ResultKind.REFUSED, "This link is for someone else",
                    "This link was made for " + link.ownerName() + ", but you signed in to Discord as @" + discordName
                            + ". Nothing was connected. Only open " + provider.service()
                            + " links you asked for yourself in Discord.",
                    "❌ Your " + provider.service() + " link for **" + link.label() + "** was opened by another Discord "
                            + "account (@" + discordName + "), so nothing was connected. If you did not share it, someone "
                            + "else has seen it: links work once, and this one is now used up."));
        }
        return new Step(authorizeAt(provider, link, binding), null);
    }

    private Step providerCallback(MailProvider provider, Callback callback) {
        Optional<UsedState> used = use(MailProviders.key(provider), callback.state(), callback.browserBinding());
        if (used.isEmpty()) {
            return expired(provider.registrationId());
        }
        Link link = used.get().link();
        String code = callback.code();
        if (callback.error() != null || code == null || code.isBlank()) {
            String error = callback.error() == null ? "no code" : callback.error();
            log.info("{} sign-in of link {} came back without a code ({})", provider.providerName(), link.id(),
                    FormatCharacters.strip(error).replaceAll("[^A-Za-z0-9_.-]", "?"));
            return finish(provider, link, Outcome.refused(provider.notAllowed(error, callback.errorDescription())));
        }
        try {
            return finish(provider, link, connect(provider, link, used.get(), callback.state(), code));
        } catch (RuntimeException e) {
            log.error("{} sign-in of link {} failed unexpectedly ({})", provider.service(), link.id(), e.getClass().getName());
            return finish(provider, link, Outcome.failed(new Refusal("Something went wrong on our side", "Nothing was "
                    + "connected. Run the command in Discord again; if it keeps happening, tell whoever runs this Plugboard.")));
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

    /** Exchanges the code; whatever refuses the grant after that hands it to the provider (finally). */
    private Outcome connect(MailProvider provider, Link link, UsedState used, @Nullable String state, String code) {
        ClientRegistration registration = registrations.findByRegistrationId(provider.registrationId());
        OAuth2AccessTokenResponse response;
        try {
            response = exchange(registration, used, state, code);
        } catch (OAuth2AuthorizationException e) {
            Optional<ClientProblem> ours = provider.clientProblem(e.getError());
            if (ours.isPresent()) {
                log.error("{} sign-in of {} link {} was refused because of this Plugboard's own client: {}",
                        provider.providerName(), provider.service(), link.id(), ours.get().operatorAction());
            } else {
                log.warn("{} sign-in of {} link {} could not be completed: {}", provider.providerName(), provider.service(),
                        link.id(), reason(e));
            }
            return Outcome.failed(provider.exchangeRefused(e.getError()));
        }
        String address = null;
        Outcome outcome = null;
        try {
            Account account = provider.account(response);
            address = account.address();
            if (used.nonceHash() != null && !nonceMatches(used.nonceHash(), account.nonce())) {
                throw new OAuthHttp.OAuthCallFailed("the ID token did not carry back the nonce this sign-in sent");
            }
            outcome = account.verified() ? checkAndStore(provider, link, response, account)
                    : Outcome.refused(provider.unverified(address));
            return outcome;
        } catch (OAuthHttp.OAuthCallFailed e) {
            log.warn("{} sign-in of {} link {} could not be completed: {}", provider.providerName(), provider.service(),
                    link.id(), e.getMessage());
            outcome = Outcome.failed(provider.exchangeRefused(new org.springframework.security.oauth2.core.OAuth2Error(
                    "invalid_token")));
            return outcome;
        } catch (AccountRefused e) {
            log.warn("{} sign-in of {} link {} refused: {}", provider.providerName(), provider.service(), link.id(),
                    e.getMessage());
            outcome = Outcome.refused(e.refusal());
            return outcome;
        } finally {
            if (outcome == null || outcome.kind() != ResultKind.CONNECTED) {
                OAuth2RefreshToken refresh = response.getRefreshToken();
                provider.refusedGrant(link.id(), address, Secret.of(refresh != null ? refresh.getTokenValue()
                        : response.getAccessToken().getTokenValue()));
            }
        }
    }

    private static boolean nonceMatches(byte[] sentHash, @Nullable String returned) {
        return returned != null && MessageDigest.isEqual(sentHash, SignInTokens.hash(returned));
    }

    /** Checks the grant the provider gave for the account, proves IMAP works, stores it. */
    private Outcome checkAndStore(MailProvider provider, Link link, OAuth2AccessTokenResponse response, Account account) {
        String address = account.address();
        if (response.getRefreshToken() == null) {
            return Outcome.refused(provider.noLastingAccess(address));
        }
        if (!provider.mailGranted(response.getAccessToken().getScopes())) {
            return Outcome.refused(provider.scopeMissing(address));
        }
        OAuthMailSettings stored = storedSettings(link);
        if (link.integration() != null && stored != null && stored.address() != null && !sameAccount(stored, account)) {
            String expected = stored.address();
            return new Outcome(ResultKind.REFUSED, "That is another " + provider.providerName() + " account",
                    "You signed in as " + address + ", but " + link.label() + " is connected to " + expected
                            + ". Nothing was changed. Sign in again with " + expected + ", or add " + address
                            + " as a new integration.",
                    unchanged(provider, link, expected) + " You signed in to " + provider.providerName() + " as " + address
                            + ": sign in again as " + expected + ", or add " + address + " as a new integration.");
        }
        OAuthMailSettings settings = provider.settings(account, Secret.of(response.getAccessToken().getTokenValue()),
                Secret.of(response.getRefreshToken().getTokenValue()), response.getAccessToken().getExpiresAt(),
                response.getAccessToken().getScopes());
        XOAuth2Imap.Login login = imap.inbox(provider.servers(), address, Secret.of(response.getAccessToken().getTokenValue()));
        if (login instanceof XOAuth2Imap.Refused refused) {
            return Outcome.refused(provider.imapRefused(address, refused.serverText()));
        }
        if (login instanceof XOAuth2Imap.Unreachable unreachable) {
            return Outcome.failed(new Refusal(provider.service() + " did not answer", provider.providerName()
                    + " accepted the sign-in as " + address + ", but " + provider.service() + "'s IMAP could not be "
                    + "checked: " + unreachable.why() + ". Nothing was connected; try again in a few minutes."));
        }
        String preview = preview(address, (XOAuth2Imap.Inbox) login);
        try {
            IntegrationView saved = store(link, settings, CheckResult.connected(preview));
            log.info("{} sign-in of link {}: integration {} of user {} connected", provider.service(), link.id(), saved.id(),
                    link.owner());
        } catch (UserFacingException e) {
            return Outcome.refused(new Refusal("Not connected", e.userMessage()));
        }
        String done = link.integration() == null ? "is connected" : "is connected again";
        return new Outcome(ResultKind.CONNECTED, "Connected as " + address,
                link.label() + " " + done + ": " + preview + " You can close this tab.",
                "✅ **" + link.label() + "** (" + provider.service() + ") " + done + ". " + preview);
    }

    /** The same account: by the provider's lasting id where both have one, else by the address. */
    private static boolean sameAccount(OAuthMailSettings stored, Account account) {
        if (stored.accountId() != null && account.id() != null) {
            return stored.accountId().equals(account.id());
        }
        return stored.address() != null && stored.address().equalsIgnoreCase(account.address());
    }

    static String preview(String address, XOAuth2Imap.Inbox inbox) {
        return String.format(Locale.ROOT, "Connected as %s: INBOX %,d messages (%,d unread).", address, inbox.messages(),
                Math.max(0, inbox.unread()));
    }

    private IntegrationView store(Link link, OAuthMailSettings settings, CheckResult check) {
        IntegrationId id = link.integration();
        if (id == null) {
            return integrations.create(link.owner(), link.label(), settings, check);
        }
        // while no renewal runs: the row is locked, so no other change can land between reading the version and saving
        return tokens.serialized(id, () -> {
            IntegrationView current = integrations.get(link.owner(), id);
            return integrations.replaceSettings(link.owner(), id, current.version(), settings, check);
        });
    }

    private URI authorizeAtDiscord(Link link, String binding) {
        ClientRegistration discord = registrations.findByRegistrationId(SignInConfiguration.DISCORD);
        return authorizationUri(OAuthLinks.DISCORD, discord, link, binding, authorizationRequest(discord,
                SignInTokens.random()), null);
    }

    private URI authorizeAt(MailProvider provider, Link link, String binding) {
        ClientRegistration registration = registrations.findByRegistrationId(provider.registrationId());
        OAuth2AuthorizationRequest.Builder builder = authorizationRequest(registration, SignInTokens.random());
        String account = accountOf(link);
        String nonce = provider.sendsNonce() ? SignInTokens.random() : null;
        builder.additionalParameters(parameters -> {
            provider.authorizationParameters(parameters, account);
            if (nonce != null) {
                parameters.put("nonce", nonce);
            }
        });
        return authorizationUri(MailProviders.key(provider), registration, link, binding, builder,
                nonce == null ? null : SignInTokens.hash(nonce));
    }

    private URI authorizationUri(String stateProvider, ClientRegistration registration, Link link, String binding,
            OAuth2AuthorizationRequest.Builder builder, byte @Nullable [] nonceHash) {
        OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
        OAuth2AuthorizationRequest request = builder.build();
        if (!"S256".equals(request.getAdditionalParameters().get(PkceParameterNames.CODE_CHALLENGE_METHOD))) {
            throw new IllegalStateException("PKCE S256 is unavailable");
        }
        UUID stateId = UUID.randomUUID();
        String verifier = request.getAttribute(PkceParameterNames.CODE_VERIFIER);
        links.addState(stateId, link.id(), stateProvider, SignInTokens.hash(request.getState()), SignInTokens.hash(binding),
                cipher.encrypt(verifier, verifierContext(stateId)), nonceHash, properties.linkLifetime());
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

    private @Nullable OAuthMailSettings storedSettings(Link link) {
        if (link.integration() == null) {
            return null;
        }
        try {
            return MailProviders.oauth(integrations.settings(link.owner(), link.integration()));
        } catch (NotFoundException e) {
            return null;
        }
    }

    private @Nullable String accountOf(Link link) {
        OAuthMailSettings stored = storedSettings(link);
        return stored == null ? null : stored.address();
    }

    private Optional<UsedState> use(String provider, @Nullable String state, @Nullable String binding) {
        if (state == null || binding == null || !SignInTokens.wellFormed(state) || !SignInTokens.wellFormed(binding)) {
            return Optional.empty();
        }
        return links.useState(provider, SignInTokens.hash(state), SignInTokens.hash(binding));
    }

    private Step finish(MailProvider provider, Link link, Outcome outcome) {
        observer.ended(provider.registrationId(), switch (outcome.kind()) {
            case CONNECTED -> SignInObserver.Outcome.CONNECTED;
            case REFUSED -> SignInObserver.Outcome.REFUSED;
            case FAILED -> SignInObserver.Outcome.FAILED;
        });
        UUID resultId = UUID.randomUUID();
        links.recordResult(link.id(), resultId, new OAuthLinks.Result(outcome.kind(), outcome.title(), outcome.detail()));
        Message chat = Message.text(outcome.chat() != null ? outcome.chat() : notConnected(provider, link, outcome));
        if (outcome.kind() != ResultKind.CONNECTED && link.integration() != null) {
            chat = chat.withRow(ControlRow.of(OAuthMailReconnect.button(provider, link.integration())));
        }
        Message message = chat;
        notifier.ifAvailable(n -> n.notify(link.owner(), message, link.replyKey()));
        return new Step(URI.create(properties.base() + SignInPaths.RESULT + resultId), null);
    }

    /** A new integration "was not connected"; one signed in again stays as it was. */
    private String notConnected(MailProvider provider, Link link, Outcome outcome) {
        String account = accountOf(link);
        return account == null ? "❌ **" + link.label() + "** (" + provider.service() + ") was not connected: " + outcome.detail()
                : unchanged(provider, link, account) + " " + outcome.detail();
    }

    /** The chat's first words when signing in again was refused: the integration is as it was. */
    private String unchanged(MailProvider provider, Link link, String account) {
        boolean waiting = link.integration() != null && integrations.list(link.owner()).stream()
                .anyMatch(view -> view.id().equals(link.integration()) && view.status() == IntegrationStatus.NEEDS_REAUTHENTICATION);
        return "❌ **" + link.label() + "** (" + provider.service() + ") "
                + (waiting ? "still needs you to sign in again as " : "stays connected as ") + account + "; nothing changed.";
    }

    private Step expired() {
        return new Step(URI.create(properties.base() + SignInPaths.EXPIRED), null);
    }

    /** A callback whose state is unknown, used up or too old: a sign-in that ended there, at {@code server}. */
    private Step expired(String server) {
        observer.ended(server, SignInObserver.Outcome.EXPIRED);
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
