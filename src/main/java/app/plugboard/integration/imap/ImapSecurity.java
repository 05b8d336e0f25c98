package app.plugboard.integration.imap;

/** How an IMAP (or SMTP) connection is encrypted. Plain, unencrypted logins are not offered. */
public enum ImapSecurity {
    /** TLS from the first byte, usually port 993 (SMTP: 465). */
    IMPLICIT_TLS("Implicit TLS (port 993)", 993),
    /** A plain connection upgraded with STARTTLS, which is required, usually port 143 (SMTP: 587). */
    STARTTLS("STARTTLS, required (port 143)", 143);

    private final String displayName;
    private final int defaultPort;

    ImapSecurity(String displayName, int defaultPort) {
        this.displayName = displayName;
        this.defaultPort = defaultPort;
    }

    public String displayName() {
        return displayName;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
