package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A check that nobody saw happen (a background check, a credential renewal) changed what the owner must know
 * about an integration: published by {@link IntegrationService} inside the transaction that stored the
 * status, so a listener that stores it for delivery commits with it. Never published for a check the owner
 * ran themselves (they saw its outcome in the chat), nor while the integration is muted (what the owner was
 * made aware of stays as it was, so after unmuting they are told what is still wrong).
 *
 * @param type   the type's stored id, as the integration has it
 * @param reason what is wrong, in the words the list uses; null when it recovered
 */
public record AlertChanged(UserId owner, IntegrationId id, String label, String type, Change change,
        @Nullable String reason, Instant at) {

    public enum Change {
        BROKEN,
        NEEDS_REAUTHENTICATION,
        RECOVERED
    }
}
