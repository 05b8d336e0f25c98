package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the background watch knows beside the integrations themselves, for the chat's views. The integration
 * side owns this port and the watch implements it, so {@code integration} never depends on the watch.
 */
public interface IntegrationWatch {

    /** When each of these integrations is checked next; absent for those the watch does not check (it is off). */
    Map<IntegrationId, Instant> nextChecks(Collection<IntegrationId> integrations);

    /**
     * Notices about the person's integrations that they could not be sent (Discord refused the direct message:
     * they accept none from the bot), newest first; each is the latest notice about its integration, while that
     * one is not muted.
     */
    List<AlertChanged> undelivered(UserId owner);
}
