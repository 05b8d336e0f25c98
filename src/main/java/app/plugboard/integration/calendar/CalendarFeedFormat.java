package app.plugboard.integration.calendar;

import app.plugboard.integration.SettingsFormat;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.StoredSettings;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How {@link CalendarFeedSettings} are stored: the address is a secret (it usually carries a private token), so
 * lists show only its scheme and host, kept in the clear. The stored names never change.
 */
@Component
class CalendarFeedFormat implements SettingsFormat<CalendarFeedSettings> {

    private static final String USERNAME = "username";
    /** Scheme and host only, stored in the clear so lists need not decrypt anything. */
    private static final String DISPLAY_URL = "displayUrl";
    private static final String URL = "url";
    private static final String PASSWORD = "password";

    @Override
    public SettingsKind kind() {
        return CalendarType.FEED;
    }

    @Override
    public Class<CalendarFeedSettings> settingsType() {
        return CalendarFeedSettings.class;
    }

    @Override
    public StoredSettings write(CalendarFeedSettings settings) {
        return StoredSettings.builder()
                .plain(USERNAME, settings.username())
                .plain(DISPLAY_URL, settings.displayUrl())
                .secret(URL, settings.url())
                .secret(PASSWORD, settings.password())
                .build();
    }

    @Override
    public CalendarFeedSettings read(StoredSettings stored) {
        return new CalendarFeedSettings(stored.requiredSecret(URL), stored.plain(USERNAME), stored.secret(PASSWORD));
    }

    /** {@code iCal feed https://calendar.google.com/...}. */
    @Override
    public String summary(Map<String, String> plain) {
        return "iCal feed " + plain.getOrDefault(DISPLAY_URL, "");
    }
}
