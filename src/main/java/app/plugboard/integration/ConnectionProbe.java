package app.plugboard.integration;

/**
 * Proves that settings reach their service, and reads a little real data to show. One bean per
 * kind of settings; it never throws for a failed connection, it says what failed.
 */
public interface ConnectionProbe {

    SettingsKind kind();

    CheckResult check(IntegrationSettings settings);
}
