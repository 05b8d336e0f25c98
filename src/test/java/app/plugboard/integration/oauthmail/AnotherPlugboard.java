package app.plugboard.integration.oauthmail;

import app.plugboard.integration.IntegrationService;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second Plugboard on the same database, as far as token renewals go: its own {@link OAuthMailTokens}
 * (so none of the first one's in-process locks), over the same database and the same provider. Only the
 * database's row lock keeps the two apart.
 */
public final class AnotherPlugboard {

    private AnotherPlugboard() {
    }

    public static OAuthMailTokens tokens(ApplicationContext context) {
        return new OAuthMailTokens(context.getBean("mailClientManager", OAuth2AuthorizedClientManager.class),
                context.getBean("mailClientRegistrations", ClientRegistrationRepository.class),
                context.getBean(IntegrationService.class), context.getBean(MailProviders.class),
                context.getBean(SignInProperties.class), context.getBean(TransactionTemplate.class),
                context.getBean(NamedParameterJdbcTemplate.class), context.getBean(Clock.class));
    }
}
