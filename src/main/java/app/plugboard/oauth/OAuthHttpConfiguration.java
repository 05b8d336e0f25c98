package app.plugboard.oauth;

import app.plugboard.integration.signin.ConditionalOnSignIn;
import app.plugboard.integration.signin.IdTokens;
import app.plugboard.integration.signin.OAuthHttp;
import app.plugboard.integration.signin.SignInSettings;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.client.RestClient;

/** The HTTP side of signing in: Spring Security's token clients, {@link OAuthHttp} and {@link IdTokens}, with timeouts. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSignIn
class OAuthHttpConfiguration {

    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenClient(SignInSettings settings) {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenRestClient(settings));
        return client;
    }

    @Bean
    OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenClient(SignInSettings settings) {
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(tokenRestClient(settings));
        return client;
    }

    @Bean
    OAuthHttp oauthHttp(SignInSettings settings) {
        return new RestOAuthHttp(RestClient.builder().requestFactory(requestFactory(settings)).build());
    }

    /** Nimbus fetches the keys (and caches them) through a RestTemplate: ours, with the same timeouts and no redirects. */
    @Bean
    IdTokens idTokens(SignInSettings settings) {
        RestTemplate keys = new RestTemplate(requestFactory(settings));
        return (jwkSetUri, validator) -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).restOperations(keys).build();
            decoder.setJwtValidator(validator);
            return decoder;
        };
    }

    /** What Spring Security's token clients expect of their RestClient, plus our timeouts. */
    private static RestClient tokenRestClient(SignInSettings settings) {
        return RestClient.builder()
                .requestFactory(requestFactory(settings))
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    private static JdkClientHttpRequestFactory requestFactory(SignInSettings settings) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.readTimeout());
        return factory;
    }
}
