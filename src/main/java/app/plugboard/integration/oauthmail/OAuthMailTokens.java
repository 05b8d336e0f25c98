package app.plugboard.integration.oauthmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.Secret;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An OAuth mail integration's access token, fresh: renewed with its refresh token when it expires within
 * {@code refresh-ahead}, outside any web request (Spring Security's authorized-client manager over
 * {@link OAuthMailClients}).
 *
 * <p>One renewal at a time per integration, across every Plugboard on the database: a renewal runs in a
 * transaction that first locks the integration's row ({@code select ... for update}), then reads the
 * tokens, asks the provider and stores what it answered, so a refresh token that the provider rotates
 * (Microsoft: the old one stops working) is replaced in the same transaction that used it, and a second
 * renewal, here or in another Plugboard, waits and then finds the new token. Within one Plugboard,
 * concurrent callers queue on a lock first, so they hold no database connection while they wait.
 * When the provider cannot be reached or answers 5xx, the tokens stay as they are and the next renewal
 * waits a while, longer after each failure.
 */
@Component
@ConditionalOnSignIn
public class OAuthMailTokens {

    private static final Logger log = LoggerFactory.getLogger(OAuthMailTokens.class);

    /** What a user of the token gets. */
    public sealed interface Access {
    }

    public record Ready(String address, Secret accessToken) implements Access {
    }

    /** The provider no longer accepts the grant: the owner has to sign in again (and was told). */
    public record NeedsReauthentication() implements Access {
    }

    /**
     * The provider could not renew the token just now; it is tried again later.
     *
     * @param why what the person reads when the provider refused this Plugboard's own client
     *            ({@link MailProvider#clientProblem}), or null when it did not answer or failed
     */
    public record Unavailable(Instant nextAttempt, @Nullable String why) implements Access {
    }

    private record Backoff(int failures, Instant next, @Nullable String why) {
    }

    private final OAuth2AuthorizedClientManager manager;
    private final ClientRegistrationRepository registrations;
    private final IntegrationService integrations;
    private final MailProviders providers;
    private final SignInProperties properties;
    private final TransactionTemplate transactions;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Map<IntegrationId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<IntegrationId, Backoff> backoffs = new ConcurrentHashMap<>();

    OAuthMailTokens(OAuth2AuthorizedClientManager mailClientManager, ClientRegistrationRepository registrations,
            IntegrationService integrations, MailProviders providers, SignInProperties properties,
            TransactionTemplate transactions, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.manager = mailClientManager;
        this.registrations = registrations;
        this.integrations = integrations;
        this.providers = providers;
        this.properties = properties;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The access token, renewed first when it is about to expire. */
    public Access current(UserId owner, IntegrationId id) {
        return serialized(id, () -> authorize(owner, id, false));
    }

    /** A new access token even if the stored one has not expired (the mail server refused it). */
    public Access renewed(UserId owner, IntegrationId id) {
        return serialized(id, () -> authorize(owner, id, true));
    }

    /**
     * Runs {@code work} in a transaction while no renewal of this integration runs, in this Plugboard or
     * another (signing in again replaces the tokens).
     */
    public <T> T serialized(IntegrationId id, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(id, any -> new ReentrantLock());
        lock.lock();
        try {
            return Objects.requireNonNull(transactions.execute(status -> {
                jdbc.query("select id from integration where id = :id for update",
                        new MapSqlParameterSource("id", id.value()), row -> { });
                return work.get();
            }));
        } finally {
            lock.unlock();
        }
    }

    private Access authorize(UserId owner, IntegrationId id, boolean force) {
        Backoff backoff = backoffs.get(id);
        if (backoff != null && clock.instant().isBefore(backoff.next())) {
            return new Unavailable(backoff.next(), backoff.why());
        }
        OAuthMailSettings settings = MailProviders.oauth(integrations.settings(owner, id));
        MailProvider provider = providers.of(settings);
        String principal = new OAuthMailClients.Principal(owner, id).name();
        OAuth2AuthorizeRequest.Builder request;
        if (force) {
            if (!settings.hasTokens()) {
                return new NeedsReauthentication();
            }
            request = OAuth2AuthorizeRequest.withAuthorizedClient(OAuthMailClients.client(
                    registrations.findByRegistrationId(provider.registrationId()), principal, settings,
                    Instant.EPOCH.plusSeconds(1)));
        } else {
            request = OAuth2AuthorizeRequest.withClientRegistrationId(provider.registrationId());
        }
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(request.principal(principal).build());
        } catch (OAuth2AuthorizationException e) {
            String code = e.getError().getErrorCode();
            if (provider.grantGone().contains(code)) {
                backoffs.remove(id);
                return new NeedsReauthentication();
            }
            Optional<ClientProblem> ours = provider.clientProblem(e.getError());
            Instant next = failed(id, ours.map(ClientProblem::personMessage).orElse(null));
            if (ours.isPresent()) {
                log.error("{} refused to renew the access token of integration {} because of this Plugboard's own client: {} "
                        + "The tokens are kept; next attempt after {}", provider.providerName(), id,
                        ours.get().operatorAction(), next);
            } else {
                log.warn("{} did not renew the access token of integration {} ({}{}); the tokens are kept, next attempt after {}",
                        provider.providerName(), id, code, e.getCause() == null ? "" : ", " + e.getCause().getClass().getSimpleName(),
                        next);
            }
            return new Unavailable(next, ours.map(ClientProblem::personMessage).orElse(null));
        }
        if (client == null) {
            return new NeedsReauthentication();
        }
        backoffs.remove(id);
        return new Ready(Objects.requireNonNull(settings.address()), Secret.of(client.getAccessToken().getTokenValue()));
    }

    private Instant failed(IntegrationId id, @Nullable String why) {
        Backoff next = backoffs.compute(id, (key, previous) -> {
            int failures = previous == null ? 1 : previous.failures() + 1;
            Duration wait = properties.retryBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
            if (wait.compareTo(properties.retryBackoffMax()) > 0) {
                wait = properties.retryBackoffMax();
            }
            return new Backoff(failures, clock.instant().plus(wait), why);
        });
        return next.next();
    }
}
