package app.plugboard.integration.gmail;

import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.SettingsKind;

/** Gmail as Plugboard stores and names it: one kind of settings, {@link GmailSettings}, connected by signing in. */
public final class GmailType {

    public static final IntegrationType TYPE = new IntegrationType("GMAIL", "Gmail",
            "Your Gmail account, connected through Google sign-in: no password leaves Google.");
    public static final SettingsKind KIND = new SettingsKind("GMAIL", TYPE);

    private GmailType() {
    }
}
