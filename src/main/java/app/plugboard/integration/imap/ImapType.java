package app.plugboard.integration.imap;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.SettingsKind;

/** IMAP mail as Plugboard stores and names it: one kind of settings, {@link ImapSettings}. */
public final class ImapType {

    public static final IntegrationType TYPE = new IntegrationType("IMAP", "IMAP mail",
            "Any mailbox by username, password and server: your own, Fastmail, iCloud, Yahoo...");
    public static final SettingsKind KIND = new SettingsKind("IMAP", TYPE);

    private ImapType() {
    }
}
