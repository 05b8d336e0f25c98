package app.plugboard.integration.gmail;

import app.plugboard.common.StartupProblem;
import app.plugboard.common.ThreadPools;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * Gmail sign-in's Spring Security pieces: the client registrations (Google; Discord when its client
 * is configured), with the redirect URIs fixed from {@code PLUGBOARD_PUBLIC_URL}; the
 * authorized-client manager that renews tokens for services. Checks the configuration at startup.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnGmailSignIn
class GmailSignInConfiguration {

    static final String REVOCATIONS = "gmailRevocations";
    static final String FORWARDING_WARNING = "Gmail sign-in runs without Discord sign-in: a Gmail link can be forwarded. "
            + "Someone can run /integration add type:gmail and send their link to you; if you continue, your Gmail is "
            + "connected to their Plugboard account. The page names that account and warns, but cannot check who opened "
            + "it. Set PLUGBOARD_DISCORD_CLIENT_ID and PLUGBOARD_DISCORD_CLIENT_SECRET (README, \"Sign in with Discord\") "
            + "so it does.";
    private static final Logger log = LoggerFactory.getLogger(GmailSignInConfiguration.class);

    @Bean
    ClientRegistrationRepository gmailClientRegistrations(GmailProperties properties, Environment environment) {
        check(properties);
        forwardingWarning(environment.matchesProfiles("prod"), properties).ifPresent(log::warn);

        List<ClientRegistration> registrations = new ArrayList<>();
        registrations.add(registration(GmailTokens.GOOGLE, properties.google(), properties,
                Set.of("openid", "email", GmailConnectFlow.GMAIL_SCOPE)));
        if (properties.discordSignIn().configured()) {
            registrations.add(registration(GmailConnectFlow.DISCORD, properties.discordSignIn(), properties, Set.of("identify")));
        }
        return new InMemoryClientRegistrationRepository(registrations);
    }

    private static ClientRegistration registration(String id, GmailProperties.Client client, GmailProperties properties,
            Set<String> scopes) {
        return ClientRegistration.withRegistrationId(id)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.redirectUri(id))
                .scope(scopes)
                .authorizationUri(client.authorizationUri())
                .tokenUri(client.tokenUri())
                .userInfoUri(client.userInfoUri())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
    }

    @Bean
    OAuth2AuthorizedClientManager gmailClientManager(ClientRegistrationRepository gmailClientRegistrations,
            GmailAuthorizedClients clients, OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient,
            GmailProperties properties, Clock clock) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(gmailClientRegistrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .refreshToken(refresh -> refresh
                        .accessTokenResponseClient(refreshClient)
                        .clockSkew(properties.refreshAhead())
                        .clock(clock))
                .build());
        // only invalid_grant means "sign in again"; anything else keeps the tokens for a later try
        manager.setAuthorizationFailureHandler(new RemoveAuthorizedClientOAuth2AuthorizationFailureHandler(
                (registrationId, principal, attributes) -> clients.removeAuthorizedClient(registrationId, principal.getName()),
                Set.of(OAuth2ErrorCodes.INVALID_GRANT)));
        return manager;
    }

    @Bean(name = REVOCATIONS, destroyMethod = "shutdown")
    ExecutorService gmailRevocations() {
        return ThreadPools.bounded("gmail-revoke-", 1, 200, new ThreadPoolExecutor.AbortPolicy());
    }

    /** In production, sign-in links without Discord sign-in are a risk the operator should know of. */
    static Optional<String> forwardingWarning(boolean production, GmailProperties properties) {
        return production && !properties.discordSignIn().configured() ? Optional.of(FORWARDING_WARNING) : Optional.empty();
    }

    /** A client id alone is not enough: say what else is missing before anyone gets a broken link. */
    static void check(GmailProperties properties) {
        GmailProperties.Client google = properties.google();
        if (google.clientSecret() == null || google.clientSecret().isBlank()) {
            throw new StartupProblem("PLUGBOARD_GOOGLE_CLIENT_ID is set, but PLUGBOARD_GOOGLE_CLIENT_SECRET is not.",
                    "Set PLUGBOARD_GOOGLE_CLIENT_SECRET to the secret of the same Google OAuth client (see the README's "
                            + "Gmail section), or unset PLUGBOARD_GOOGLE_CLIENT_ID to run without Gmail sign-in.");
        }
        String url = properties.base();
        URI parsed;
        try {
            parsed = new URI(url);
        } catch (URISyntaxException e) {
            parsed = null;
        }
        String scheme = parsed == null || parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        boolean local = parsed != null && parsed.getHost() != null
                && (parsed.getHost().equals("localhost") || parsed.getHost().equals("127.0.0.1"));
        if (parsed == null || parsed.getHost() == null || parsed.getQuery() != null || parsed.getFragment() != null
                || !(scheme.equals("https") || (scheme.equals("http") && local))) {
            throw new StartupProblem("Gmail sign-in needs PLUGBOARD_PUBLIC_URL, the address at which browsers reach "
                    + "this Plugboard (\"" + url + "\" is not usable).",
                    "Set PLUGBOARD_PUBLIC_URL to an https address such as https://plugboard.example.com (http only for "
                            + "localhost), and register <that address>/oauth2/callback/google as the redirect URI of the "
                            + "Google OAuth client.");
        }
        if (properties.discordSignIn().configured()
                && (properties.discordSignIn().clientSecret() == null || properties.discordSignIn().clientSecret().isBlank())) {
            throw new StartupProblem("PLUGBOARD_DISCORD_CLIENT_ID is set, but PLUGBOARD_DISCORD_CLIENT_SECRET is not.",
                    "Set PLUGBOARD_DISCORD_CLIENT_SECRET (the OAuth2 client secret of the Discord application), or unset "
                            + "PLUGBOARD_DISCORD_CLIENT_ID to confirm sign-ins without Discord.");
        }
    }
}
