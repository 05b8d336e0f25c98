package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.util.List;
import java.util.Map;

/**
 * What uses a person's integrations (today: the assistant's workflows). The integration side owns this
 * port and the side that uses integrations implements it, so {@code integration} never depends on it.
 */
public interface IntegrationDependents {

    /** One thing that uses an integration, as the integration conversation shows it. */
    record Dependent(String name, boolean paused) {
    }

    /** How many dependents each of the person's integrations has; integrations without any are absent. */
    Map<IntegrationId, Long> usageCounts(UserId actor);

    /** The person's dependents of one integration. */
    List<Dependent> dependents(UserId actor, IntegrationId integration);
}
