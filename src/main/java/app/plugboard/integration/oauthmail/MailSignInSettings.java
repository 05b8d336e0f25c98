package app.plugboard.integration.oauthmail;

import app.plugboard.integration.signin.SignInSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Component;

/** What the sign-in pages and the HTTP calls to the authorization servers need of the configuration. */
@Component
class MailSignInSettings implements SignInSettings {

    private final SignInProperties properties;
    private final ObjectProvider<MailProvider> providers;

    MailSignInSettings(SignInProperties properties, ObjectProvider<MailProvider> providers) {
        this.properties = properties;
        this.providers = providers;
    }

    @Override
    public boolean secureCookies() {
        return properties.secureCookies();
    }

    @Override
    public String formTargets() {
        List<String> targets = new ArrayList<>();
        providers.orderedStream().forEach(provider -> {
            ClientRegistration registration = provider.registration(properties.redirectUri(provider.registrationId()));
            targets.add(origin(registration.getProviderDetails().getAuthorizationUri()));
        });
        if (properties.discordSignIn().configured()) {
            targets.add(origin(properties.discordSignIn().authorizationUri()));
        }
        return String.join(" ", targets.stream().distinct().toList());
    }

    @Override
    public Duration linkLifetime() {
        return properties.linkLifetime();
    }

    @Override
    public Duration connectTimeout() {
        return properties.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return properties.readTimeout();
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }
}
