package app.plugboard.integration.oauthmail;

import app.plugboard.common.NotFoundException;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The providers whose clients the operator configured, found by what names them in a request, a row or a setting. */
@Component
@ConditionalOnSignIn
class MailProviders {

    private final List<MailProvider> providers;

    MailProviders(List<MailProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    List<MailProvider> all() {
        return providers;
    }

    /** By the last part of its callback ({@code google}). */
    Optional<MailProvider> byRegistration(String registrationId) {
        return providers.stream().filter(p -> p.registrationId().equals(registrationId)).findFirst();
    }

    /** By what sign-in rows store ({@code GOOGLE}). */
    Optional<MailProvider> byKey(String key) {
        return providers.stream().filter(p -> key(p).equals(key)).findFirst();
    }

    /** The provider of a stored integration's settings; "not found" for settings of another type. */
    MailProvider of(IntegrationSettings settings) {
        if (!(settings instanceof OAuthMailSettings)) {
            throw new NotFoundException("integration");
        }
        return providers.stream().filter(p -> p.type().equals(settings.type())).findFirst()
                .orElseThrow(() -> new NotFoundException("integration"));
    }

    static String key(MailProvider provider) {
        return provider.registrationId().toUpperCase(Locale.ROOT);
    }

    static OAuthMailSettings oauth(IntegrationSettings settings) {
        if (settings instanceof OAuthMailSettings oauth) {
            return oauth;
        }
        throw new NotFoundException("integration");
    }
}
