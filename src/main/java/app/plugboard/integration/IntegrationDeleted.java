package app.plugboard.integration;

import app.plugboard.common.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Published by {@link IntegrationService#delete} inside the transaction that deleted the
 * integration. Listeners that clean up elsewhere (revoking an OAuth grant) run after the commit.
 * It lives in memory only; its settings print their secrets as {@code ***}.
 *
 * @param settings the settings it had, or null when they could not be decrypted
 */
public record IntegrationDeleted(UserId owner, IntegrationId id, String label, @Nullable IntegrationSettings settings) {
}
