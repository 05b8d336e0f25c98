package app.plugboard.integration.calendar;

import static app.plugboard.integration.SettingsChecks.addIfPresent;

import app.plugboard.common.InputProblem;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SecretUse;
import app.plugboard.integration.SettingsChecks;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.WebAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CalDAV server. Discovery starts from {@code serverUrl}; {@code calendarUrl} is the calendar
 * the owner chose, or empty for all of that account's calendars. Stored by {@link CalDavFormat}.
 */
public record CalDavSettings(
        @Nullable String serverUrl,
        @Nullable String username,
        @Nullable Secret password,
        @Nullable String calendarUrl,
        @Nullable String calendarName) implements IntegrationSettings {

    // the names of the fields, as problems and checks name them (the form and the storage name their own)
    public static final String SERVER_URL = "serverUrl";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String CALENDAR_URL = "calendarUrl";
    public static final String CALENDAR_NAME = "calendarName";
    private static final String EXAMPLE = "https://cloud.example.com/remote.php/dav";

    public CalDavSettings {
        serverUrl = serverUrl == null ? null : WebAddresses.normalize(serverUrl);
        username = SettingsChecks.isBlank(username) ? null : username.trim();
        password = SettingsChecks.isBlank(password) ? null : password;
        calendarUrl = SettingsChecks.isBlank(calendarUrl) ? null : calendarUrl.trim();
        calendarName = SettingsChecks.isBlank(calendarName) ? null : calendarName.trim();
    }

    @Override
    public SettingsKind kind() {
        return CalendarType.CALDAV;
    }

    /** The password goes to the server (discovery) and to the chosen calendar. */
    @Override
    public Map<String, SecretUse> secretUses() {
        return Map.of(PASSWORD, SecretUse.of("Password", password, Destination.origin(serverUrl), Destination.origin(calendarUrl)));
    }

    public boolean allCalendars() {
        return calendarUrl == null;
    }

    @Override
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        addIfPresent(problems, SettingsChecks.webUrl(SERVER_URL, "CalDAV server address", serverUrl, EXAMPLE));
        if (username != null) {
            addIfPresent(problems, SettingsChecks.text(USERNAME, "Username", username, 320, "enter your CalDAV username."));
            if (password == null) {
                problems.add(new InputProblem(PASSWORD, "Password is empty: enter the password for " + username
                        + " (an app password, if your provider offers them)."));
            }
        } else if (password != null) {
            problems.add(new InputProblem(USERNAME, "Username is empty: a password needs its username too."));
        }
        if (calendarUrl != null) {
            addIfPresent(problems, SettingsChecks.webUrl(CALENDAR_URL, "Calendar", calendarUrl, EXAMPLE + "/calendars/alice/personal/"));
        }
        if (calendarName != null) {
            addIfPresent(problems, SettingsChecks.text(CALENDAR_NAME, "Calendar name", calendarName, 200, "pick a calendar."));
        }
        return problems;
    }
}
