package app.plugboard.integration;

/** What an integration's owner was last made aware of about it. Stored by name, never by ordinal. */
public enum Alert {
    /** Nothing wrong (it works, or it was never reported). */
    NONE,
    /** It stopped working and the owner must change something (or has been told it failed for too long). */
    BROKEN,
    /** The service no longer accepts the grant: the owner must sign in again. */
    NEEDS_REAUTHENTICATION
}
