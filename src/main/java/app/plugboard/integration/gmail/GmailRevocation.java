package app.plugboard.integration.gmail;

import app.plugboard.integration.GmailSettings;
import app.plugboard.integration.IntegrationDeleted;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deleted Gmail integration's grant is revoked at Google, after the local delete committed (a
 * rolled-back delete revokes nothing), on a thread of its own so the chat's answer does not wait.
 * A failed revocation is logged, without the token, and the integration stays deleted.
 */
@Component
@ConditionalOnGmailSignIn
class GmailRevocation {

    private static final Logger log = LoggerFactory.getLogger(GmailRevocation.class);

    private final OAuthHttp http;
    private final GmailProperties properties;
    private final ExecutorService executor;

    GmailRevocation(OAuthHttp http, GmailProperties properties, @Qualifier(GmailSignInConfiguration.REVOCATIONS) ExecutorService executor) {
        this.http = http;
        this.properties = properties;
        this.executor = executor;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void deleted(IntegrationDeleted event) {
        if (!(event.settings() instanceof GmailSettings gmail) || gmail.refreshToken() == null
                || properties.google().revokeUri() == null) {
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
            http.revoke(properties.google().revokeUri(), gmail.refreshToken());
            log.info("Revoked the Google access of deleted integration {}", event.id());
        } catch (RuntimeException e) {
            log.warn("Could not revoke the Google access of deleted integration {} ({}). It stays deleted here; its "
                    + "owner can remove Plugboard at https://myaccount.google.com/permissions", event.id(),
                    e instanceof OAuthHttp.OAuthCallFailed ? e.getMessage() : e.getClass().getSimpleName());
        }
    }
}
