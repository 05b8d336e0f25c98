package app.plugboard.integration.chat;

/** Why a settings form is open. */
public enum FormPurpose {
    ADD("Add"),
    REPLACE_CREDENTIALS("Replace credentials"),
    CHANGE_URL("Change URL"),
    SENDING("Sending mail");

    private final String displayName;

    FormPurpose(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
