package app.plugboard.integration;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What checks found over time: since when it fails, and what its owner was last made aware of. A check's
 * status moves it on; a change of the alert is what the owner may have to be told.
 */
record Health(@Nullable Instant failingSince, Alert alert) {

    Health after(IntegrationStatus status, Instant now) {
        return switch (status) {
            case CONNECTED -> new Health(null, Alert.NONE);
            // new settings, not checked yet: what failed before is about the old ones
            case PENDING -> new Health(null, alert);
            case FAILING -> new Health(since(now), alert);
            case ERROR -> new Health(since(now), Alert.BROKEN);
            case NEEDS_REAUTHENTICATION -> new Health(since(now), Alert.NEEDS_REAUTHENTICATION);
        };
    }

    Health withAlert(Alert kept) {
        return new Health(failingSince, kept);
    }

    private Instant since(Instant now) {
        return failingSince != null ? failingSince : now;
    }

    /** What the owner must be told when the alert moves from {@code this} to {@code next}, if anything. */
    Optional<AlertChanged.Change> change(Health next) {
        if (next.alert == alert) {
            return Optional.empty();
        }
        return Optional.of(switch (next.alert) {
            case NONE -> AlertChanged.Change.RECOVERED;
            case BROKEN -> AlertChanged.Change.BROKEN;
            case NEEDS_REAUTHENTICATION -> AlertChanged.Change.NEEDS_REAUTHENTICATION;
        });
    }
}
