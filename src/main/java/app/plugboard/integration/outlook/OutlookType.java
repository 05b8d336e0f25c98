package app.plugboard.integration.outlook;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.SettingsKind;

/** Outlook and Microsoft 365 as Plugboard stores and names them: one kind of settings, {@link OutlookSettings}, connected by signing in. */
public final class OutlookType {

    public static final IntegrationType TYPE = new IntegrationType("OUTLOOK", "Outlook / Microsoft 365",
            "Your Outlook.com, Hotmail or Microsoft 365 mailbox, connected through Microsoft sign-in: no password leaves Microsoft.");
    public static final SettingsKind KIND = new SettingsKind("OUTLOOK", TYPE);

    private OutlookType() {
    }
}
