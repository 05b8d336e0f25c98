package app.plugboard.integration;

import app.plugboard.common.UserId;

/** Published by {@link IntegrationService#create} inside its transaction: the watch plans its first check. */
public record IntegrationCreated(UserId owner, IntegrationId id) {
}
