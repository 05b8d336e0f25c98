package app.plugboard.integration;

import java.time.Duration;

/**
 * Told about every connection check the {@link ConnectionChecker} runs: what was checked, why, how it
 * ended and how long it took. The port metrics implement, so integrations know no meter.
 */
public interface CheckObserver {

    /** Why a check ran. */
    enum Trigger {
        /** Settings not stored yet: a new integration, or new settings before they replace the old. */
        NEW_SETTINGS,
        /** A stored integration, because its owner asked ("Check now"). */
        ON_REQUEST,
        /** A stored integration, checked by the background watch. */
        BACKGROUND
    }

    /**
     * @param outcome the status the check found ({@link IntegrationStatus#PENDING}: nothing could check it)
     */
    void checked(SettingsKind kind, Trigger trigger, IntegrationStatus outcome, Duration took);
}
