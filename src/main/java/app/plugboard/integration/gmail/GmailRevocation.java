package app.plugboard.integration.gmail;

import app.plugboard.integration.IntegrationDeleted;
import app.plugboard.integration.Secret;
import app.plugboard.integration.signin.OAuthHttp;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deleted Gmail integration's grant is revoked at Google, after the local delete committed (a
 * rolled-back delete revokes nothing), on a thread of its own so the chat's answer does not wait.
 * A failed revocation is logged, without the token, and the integration stays deleted.
 *
 * <p>So is the grant of a sign-in refused after Google gave it (no refresh token, Gmail's scope
 * unticked, another account, an unverified address, IMAP refused, the label taken meanwhile): it is
 * given back at once rather than left in the person's Google account. Except when a stored
 * integration uses the same Google account: Google revokes an account's whole grant to this client,
 * which would end that integration's access too.
 */
@Component
@ConditionalOnGmailSignIn
class GmailRevocation {

    private static final Logger log = LoggerFactory.getLogger(GmailRevocation.class);

    private final OAuthHttp http;
    private final GmailProperties properties;
    private final ExecutorService executor;
    private final NamedParameterJdbcTemplate jdbc;

    GmailRevocation(OAuthHttp http, GmailProperties properties, @Qualifier(GmailSignInConfiguration.REVOCATIONS) ExecutorService executor,
            NamedParameterJdbcTemplate jdbc) {
        this.http = http;
        this.properties = properties;
        this.executor = executor;
        this.jdbc = jdbc;
    }

    /**
     * Gives back the grant of a refused sign-in of link {@code linkId}, unless its Google account is
     * unknown (Google's user info did not answer) or a stored integration uses it.
     *
     * @param token the new refresh token, or the access token when Google sent none
     */
    void refusedSignIn(UUID linkId, @Nullable String googleAddress, Secret token) {
        String revokeUri = properties.google().revokeUri();
        if (revokeUri == null || revokeUri.isBlank()) {
            return;
        }
        try {
            executor.execute(() -> giveBack(linkId, googleAddress, token, revokeUri));
        } catch (RejectedExecutionException e) {
            log.warn("The Google access of refused sign-in {} was not given back to Google: too many revocations "
                    + "waiting. Its owner can remove Plugboard at https://myaccount.google.com/permissions", linkId);
        }
    }

    private void giveBack(UUID linkId, @Nullable String googleAddress, Secret token, String revokeUri) {
        try {
            if (googleAddress == null || connected(googleAddress)) {
                log.info("The Google access of refused sign-in {} was not given back to Google: {}", linkId,
                        googleAddress == null ? "its Google account is unknown" : "another integration uses that Google account");
                return;
            }
            http.revoke(revokeUri, token);
            log.info("Gave the Google access of refused sign-in {} back to Google", linkId);
        } catch (RuntimeException e) {
            log.warn("Could not give the Google access of refused sign-in {} back to Google ({}). Its owner can remove "
                    + "Plugboard at https://myaccount.google.com/permissions", linkId,
                    e instanceof OAuthHttp.OAuthCallFailed ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    /** Whether a stored Gmail integration, anyone's, uses this Google account. */
    private boolean connected(String googleAddress) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from integration where type = :type "
                + "and lower(settings ->> :field) = lower(:address))", new MapSqlParameterSource()
                .addValue("type", GmailType.TYPE.id())
                .addValue("field", GmailFormat.GOOGLE_ADDRESS)
                .addValue("address", googleAddress), Boolean.class));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void deleted(IntegrationDeleted event) {
        if (!(event.settings() instanceof GmailSettings gmail) || gmail.refreshToken() == null
                || properties.google().revokeUri() == null || properties.google().revokeUri().isBlank()) {
            return;
        }
        try {
            executor.execute(() -> revoke(event, gmail));
        } catch (RejectedExecutionException e) {
            log.warn("Could not revoke the Google access of deleted integration {}: too many revocations waiting. "
                    + "It stays deleted here; its owner can remove Plugboard at https://myaccount.google.com/permissions",
                    event.id());
        }
    }

    private void revoke(IntegrationDeleted event, GmailSettings gmail) {
        try {
            http.revoke(java.util.Objects.requireNonNull(properties.google().revokeUri()), gmail.refreshToken());
            log.info("Revoked the Google access of deleted integration {}", event.id());
        } catch (RuntimeException e) {
            log.warn("Could not revoke the Google access of deleted integration {} ({}). It stays deleted here; its "
                    + "owner can remove Plugboard at https://myaccount.google.com/permissions", event.id(),
                    e instanceof OAuthHttp.OAuthCallFailed ? e.getMessage() : e.getClass().getSimpleName());
        }
    }
}
