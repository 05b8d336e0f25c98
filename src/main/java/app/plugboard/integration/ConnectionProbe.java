package app.plugboard.integration;

import app.plugboard.common.UserId;

/**
 * Proves that settings reach their service, and reads a little real data to show. One bean per
 * kind of settings; it never throws for a failed connection, it says what failed.
 */
public interface ConnectionProbe {

    SettingsKind kind();

    CheckResult check(IntegrationSettings settings);

    /**
     * Checks a stored integration. A probe whose credentials renew themselves (an OAuth access
     * token) overrides this to renew and store them on the way; the others check the settings.
     */
    default CheckResult check(UserId owner, IntegrationId id, IntegrationSettings settings) {
        return check(settings);
    }
}
