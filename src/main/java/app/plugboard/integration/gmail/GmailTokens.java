package app.plugboard.integration.gmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Component;

/**
 * A Gmail integration's access token, fresh: renewed with its refresh token when it expires within
 * {@code refresh-ahead}, outside any web request (Spring Security's authorized-client manager over
 * {@link GmailAuthorizedClients}). One renewal at a time per integration: concurrent callers wait
 * for it and then find the new token. When Google cannot be reached or answers 5xx, the tokens
 * stay as they are and the next renewal waits a while, longer after each failure.
 */
@Component
@ConditionalOnGmailSignIn
public class GmailTokens {

    static final String GOOGLE = "google";
    private static final Logger log = LoggerFactory.getLogger(GmailTokens.class);

    /** What a user of the token gets. */
    public sealed interface Access {
    }

    public record Ready(String googleAddress, Secret accessToken) implements Access {
    }

    /** Google no longer accepts the grant: the owner has to sign in again (and was told). */
    public record NeedsReauthentication() implements Access {
    }

    /** Google could not renew the token just now; it is tried again later. */
    public record Unavailable(Instant nextAttempt) implements Access {
    }

    private record Backoff(int failures, Instant next) {
    }

    private final OAuth2AuthorizedClientManager manager;
    private final ClientRegistrationRepository registrations;
    private final IntegrationService integrations;
    private final GmailProperties properties;
    private final Clock clock;
    private final Map<IntegrationId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<IntegrationId, Backoff> backoffs = new ConcurrentHashMap<>();

    GmailTokens(OAuth2AuthorizedClientManager gmailClientManager, ClientRegistrationRepository registrations,
            IntegrationService integrations, GmailProperties properties, Clock clock) {
        this.manager = gmailClientManager;
        this.registrations = registrations;
        this.integrations = integrations;
        this.properties = properties;
        this.clock = clock;
    }

    /** The access token, renewed first when it is about to expire. */
    public Access current(UserId owner, IntegrationId id) {
        return serialized(id, () -> authorize(owner, id, false));
    }

    /** A new access token even if the stored one has not expired (Gmail refused it). */
    public Access renewed(UserId owner, IntegrationId id) {
        return serialized(id, () -> authorize(owner, id, true));
    }

    /** Runs {@code work} while no renewal of this integration runs (re-authentication replaces the tokens). */
    public <T> T serialized(IntegrationId id, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(id, any -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private Access authorize(UserId owner, IntegrationId id, boolean force) {
        Backoff backoff = backoffs.get(id);
        if (backoff != null && clock.instant().isBefore(backoff.next())) {
            return new Unavailable(backoff.next());
        }
        String principal = new GmailAuthorizedClients.Principal(owner, id).name();
        OAuth2AuthorizeRequest.Builder request;
        if (force) {
            GmailSettings settings = GmailAuthorizedClients.gmail(integrations.settings(owner, id));
            if (!settings.hasTokens()) {
                return new NeedsReauthentication();
            }
            request = OAuth2AuthorizeRequest.withAuthorizedClient(GmailAuthorizedClients.client(
                    registrations.findByRegistrationId(GOOGLE), principal, settings, Instant.EPOCH.plusSeconds(1)));
        } else {
            request = OAuth2AuthorizeRequest.withClientRegistrationId(GOOGLE);
        }
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(request.principal(principal).build());
        } catch (OAuth2AuthorizationException e) {
            String code = e.getError().getErrorCode();
            if (OAuth2ErrorCodes.INVALID_GRANT.equals(code)) {
                backoffs.remove(id);
                return new NeedsReauthentication();
            }
            Instant next = failed(id);
            log.warn("Google did not renew the access token of integration {} ({}{}); the tokens are kept, "
                    + "next attempt after {}", id, code, e.getCause() == null ? "" : ", " + e.getCause().getClass().getSimpleName(), next);
            return new Unavailable(next);
        }
        if (client == null) {
            return new NeedsReauthentication();
        }
        backoffs.remove(id);
        GmailSettings settings = GmailAuthorizedClients.gmail(integrations.settings(owner, id));
        return new Ready(settings.googleAddress(), Secret.of(client.getAccessToken().getTokenValue()));
    }

    private Instant failed(IntegrationId id) {
        Backoff next = backoffs.compute(id, (key, previous) -> {
            int failures = previous == null ? 1 : previous.failures() + 1;
            Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
            if (wait.compareTo(properties.retryBackoffMax()) > 0) {
                wait = properties.retryBackoffMax();
            }
            return new Backoff(failures, clock.instant().plus(wait));
        });
        return next.next();
    }
}
