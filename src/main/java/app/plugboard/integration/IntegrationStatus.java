package app.plugboard.integration;

/** Where an integration stands. Stored by name, never by ordinal. */
public enum IntegrationStatus {
    /** Saved, not yet checked. */
    PENDING,
    /** The last check reached the service and read from it. */
    CONNECTED,
    /** The service no longer accepts our grant (for example a revoked OAuth token): the owner must sign in again. */
    NEEDS_REAUTHENTICATION,
    /** The last check failed for a reason that may pass by itself (timeout, server busy). */
    FAILING,
    /** The last check failed for a reason the owner must fix (wrong password, unknown server). */
    ERROR
}
