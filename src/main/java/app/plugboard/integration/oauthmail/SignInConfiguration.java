package app.plugboard.integration.oauthmail;

import app.plugboard.common.StartupProblem;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * Mail sign-in's Spring Security pieces, for every configured provider: the client registrations (each
 * provider's; Discord's when its client is configured), with the redirect URIs fixed from
 * {@code PLUGBOARD_PUBLIC_URL}; the authorized-client manager that renews tokens for services. Checks the
 * shared configuration at startup (each provider checks its own).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSignIn
class SignInConfiguration {

    static final String DISCORD = "discord";
    static final String FORWARDING_WARNING = "Mail sign-in (Gmail, Outlook) runs without Discord sign-in: a sign-in link "
            + "can be forwarded. Someone can run /integration add and send their link to you; if you continue, your "
            + "mailbox is connected to their Plugboard account. The page names that account and warns, but cannot check "
            + "who opened it. Set PLUGBOARD_DISCORD_CLIENT_ID and PLUGBOARD_DISCORD_CLIENT_SECRET (README, \"Sign in "
            + "with Discord\") so it does.";
    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    @Bean
    ClientRegistrationRepository mailClientRegistrations(SignInProperties properties, MailProviders providers,
            Environment environment) {
        check(properties, providers.all().stream().map(MailProvider::registrationId).toList());
        forwardingWarning(environment.matchesProfiles("prod"), properties).ifPresent(log::warn);

        List<ClientRegistration> registrations = new ArrayList<>();
        for (MailProvider provider : providers.all()) {
            registrations.add(provider.registration(properties.redirectUri(provider.registrationId())));
        }
        if (properties.discordSignIn().configured()) {
            OAuthClient discord = properties.discordSignIn();
            registrations.add(ClientRegistration.withRegistrationId(DISCORD)
                    .clientId(discord.clientId())
                    .clientSecret(discord.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(properties.redirectUri(DISCORD))
                    .scope(Set.of("identify"))
                    .authorizationUri(discord.authorizationUri())
                    .tokenUri(discord.tokenUri())
                    .userInfoUri(discord.userInfoUri())
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build());
        }
        return new InMemoryClientRegistrationRepository(registrations);
    }

    @Bean
    OAuth2AuthorizedClientManager mailClientManager(ClientRegistrationRepository mailClientRegistrations,
            OAuthMailClients clients, OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshClient,
            SignInProperties properties, MailProviders providers, Clock clock) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(mailClientRegistrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .refreshToken(refresh -> refresh
                        .accessTokenResponseClient(refreshClient)
                        .clockSkew(properties.refreshAhead())
                        .clock(clock))
                .build());
        // only a grant that is gone ("invalid_grant") means "sign in again"; anything else keeps the tokens for a later try
        Set<String> gone = providers.all().stream().flatMap(p -> p.grantGone().stream()).collect(Collectors.toSet());
        manager.setAuthorizationFailureHandler(new RemoveAuthorizedClientOAuth2AuthorizationFailureHandler(
                (registrationId, principal, attributes) -> clients.removeAuthorizedClient(registrationId, principal.getName()),
                gone));
        return manager;
    }

    /** In production, sign-in links without Discord sign-in are a risk the operator should know of. */
    static Optional<String> forwardingWarning(boolean production, SignInProperties properties) {
        return production && !properties.discordSignIn().configured() ? Optional.of(FORWARDING_WARNING) : Optional.empty();
    }

    /** A client id alone is not enough: say what else is missing before anyone gets a broken link. */
    static void check(SignInProperties properties, List<String> callbacks) {
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
            throw new StartupProblem("Mail sign-in needs PLUGBOARD_PUBLIC_URL, the address at which browsers reach "
                    + "this Plugboard (\"" + url + "\" is not usable).",
                    "Set PLUGBOARD_PUBLIC_URL to an https address such as https://plugboard.example.com (http only for "
                            + "localhost), and register " + callbacks.stream().map(c -> "<that address>/oauth2/callback/" + c)
                            .collect(Collectors.joining(" and ")) + " as the redirect URI of the OAuth client.");
        }
        OAuthClient discord = properties.discordSignIn();
        if (discord.configured() && (discord.clientSecret() == null || discord.clientSecret().isBlank())) {
            throw new StartupProblem("PLUGBOARD_DISCORD_CLIENT_ID is set, but PLUGBOARD_DISCORD_CLIENT_SECRET is not.",
                    "Set PLUGBOARD_DISCORD_CLIENT_SECRET (the OAuth2 client secret of the Discord application), or unset "
                            + "PLUGBOARD_DISCORD_CLIENT_ID to confirm sign-ins without Discord.");
        }
    }
}
