package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored integration as a check nobody asked for needs it, read in one statement: whose it is, what it
 * is, what checks found so far, and its settings (null when they cannot be read here: a type this Plugboard
 * no longer knows, or secrets under a key it lacks). Its settings print their secrets as {@code ***}.
 *
 * @param failingSince  since when its checks fail without a success in between
 * @param lastCheckedAt when it was last checked (by anyone)
 * @param alert        what its owner was last made aware of
 * @param known        whether this Plugboard knows its type (else it can only be deleted, not checked)
 */
public record CheckTarget(UserId owner, IntegrationId id, String label, IntegrationType type, IntegrationStatus status,
        @Nullable Instant failingSince, @Nullable Instant lastCheckedAt, Alert alert, boolean alertsMuted, boolean known,
        @Nullable IntegrationSettings settings) {

    Health health() {
        return new Health(failingSince, alert);
    }
}
