package app.plugboard.integration.calendar;

import app.plugboard.integration.SettingsFormat;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.StoredSettings;
import app.plugboard.integration.WebAddresses;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How {@link CalDavSettings} are stored. The stored names never change: rows written by earlier versions read back. */
@Component
class CalDavFormat implements SettingsFormat<CalDavSettings> {

    private static final String SERVER_URL = "serverUrl";
    private static final String USERNAME = "username";
    private static final String CALENDAR_URL = "calendarUrl";
    private static final String CALENDAR_NAME = "calendarName";
    private static final String PASSWORD = "password";

    @Override
    public SettingsKind kind() {
        return CalendarType.CALDAV;
    }

    @Override
    public Class<CalDavSettings> settingsType() {
        return CalDavSettings.class;
    }

    @Override
    public StoredSettings write(CalDavSettings settings) {
        return StoredSettings.builder()
                .plain(SERVER_URL, settings.serverUrl())
                .plain(USERNAME, settings.username())
                .plain(CALENDAR_URL, settings.calendarUrl())
                .plain(CALENDAR_NAME, settings.calendarName())
                .secret(PASSWORD, settings.password())
                .build();
    }

    @Override
    public CalDavSettings read(StoredSettings stored) {
        return new CalDavSettings(
                stored.requiredPlain(SERVER_URL),
                stored.plain(USERNAME),
                stored.secret(PASSWORD),
                stored.plain(CALENDAR_URL),
                stored.plain(CALENDAR_NAME));
    }

    /** {@code alice on https://cloud.example.com/... (Personal)}, or {@code (all calendars)}. */
    @Override
    public String summary(Map<String, String> plain) {
        String server = WebAddresses.schemeAndHost(plain.getOrDefault(SERVER_URL, ""));
        String calendar = plain.getOrDefault(CALENDAR_NAME, "all calendars");
        String user = plain.get(USERNAME);
        return (user == null ? "" : user + " on ") + server + " (" + calendar + ")";
    }
}
