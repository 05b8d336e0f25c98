package app.plugboard.integration;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationDependents.Dependent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Deleting an integration that others depend on, without leaving any of them dangling: they are paused
 * and lose it, or move to another integration of the same type, and the integration is deleted, all in
 * one transaction. The person confirms what they were shown: if the integration or its dependents
 * changed since, nothing happens and they are shown it again. A port the integration side owns; the
 * side whose things depend on integrations implements it.
 */
public interface IntegrationDeletion {

    /**
     * What a delete would do, as the person is asked about it.
     *
     * @param fingerprint identifies the set of dependents shown; the confirmation carries it back
     * @param alternatives the person's other integrations of the same type, to move the dependents to
     */
    record Preview(IntegrationView integration, List<Dependent> using, String fingerprint,
            List<IntegrationView> alternatives) {
    }

    /** What was done. */
    record Outcome(IntegrationView deleted, List<Dependent> paused, List<Dependent> moved, @Nullable IntegrationView movedTo) {
    }

    /** The person confirmed something that is no longer so: nothing was done; show them a fresh preview. */
    final class ChangedSinceShownException extends RuntimeException {
        public ChangedSinceShownException() {
            super("changed since it was shown", null, false, false);
        }
    }

    Preview preview(UserId actor, IntegrationId id);

    /**
     * Deletes the integration at the version shown, pausing the dependents shown (or moving them to
     * {@code moveTo}).
     *
     * @throws ChangedSinceShownException when the integration or its dependents changed since
     */
    Outcome delete(UserId actor, IntegrationId id, long shownVersion, String shownFingerprint, @Nullable IntegrationId moveTo);
}
