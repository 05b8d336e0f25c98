package app.plugboard.integration;

/** Which settings record an integration holds; the calendar type has two ways in. */
public enum SettingsKind {
    IMAP(IntegrationType.IMAP),
    GMAIL(IntegrationType.GMAIL),
    CALENDAR_FEED(IntegrationType.CALENDAR),
    CALDAV(IntegrationType.CALENDAR);

    private final IntegrationType type;

    SettingsKind(IntegrationType type) {
        this.type = type;
    }

    public IntegrationType type() {
        return type;
    }
}
