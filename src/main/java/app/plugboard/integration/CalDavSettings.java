package app.plugboard.integration;

import static app.plugboard.integration.Fields.addIfPresent;

import app.plugboard.common.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CalDAV server. Discovery starts from {@code serverUrl}; {@code calendarUrl} is the calendar
 * the owner chose, or empty for all of that account's calendars.
 */
public record CalDavSettings(
        @Nullable String serverUrl,
        @Nullable String username,
        @Nullable Secret password,
        @Nullable String calendarUrl,
        @Nullable String calendarName) implements IntegrationSettings {

    public static final String SERVER_URL = "serverUrl";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String CALENDAR_URL = "calendarUrl";
    public static final String CALENDAR_NAME = "calendarName";
    private static final String EXAMPLE = "https://cloud.example.com/remote.php/dav";

    public CalDavSettings {
        serverUrl = serverUrl == null ? null : Fields.normalizeWebUrl(serverUrl);
        username = Fields.isBlank(username) ? null : username.trim();
        password = Fields.isBlank(password) ? null : password;
        calendarUrl = Fields.isBlank(calendarUrl) ? null : calendarUrl.trim();
        calendarName = Fields.isBlank(calendarName) ? null : calendarName.trim();
    }

    @Override
    public SettingsKind kind() {
        return SettingsKind.CALDAV;
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
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        addIfPresent(problems, Fields.webUrl(SERVER_URL, "CalDAV server address", serverUrl, EXAMPLE));
        if (username != null) {
            addIfPresent(problems, Fields.text(USERNAME, "Username", username, 320, "enter your CalDAV username."));
            if (password == null) {
                problems.add(new FieldProblem(PASSWORD, "Password is empty: enter the password for " + username
                        + " (an app password, if your provider offers them)."));
            }
        } else if (password != null) {
            problems.add(new FieldProblem(USERNAME, "Username is empty: a password needs its username too."));
        }
        if (calendarUrl != null) {
            addIfPresent(problems, Fields.webUrl(CALENDAR_URL, "Calendar", calendarUrl, EXAMPLE + "/calendars/alice/personal/"));
        }
        if (calendarName != null) {
            addIfPresent(problems, Fields.text(CALENDAR_NAME, "Calendar name", calendarName, 200, "pick a calendar."));
        }
        return problems;
    }

    @Override
    public StoredFields toStoredFields() {
        return StoredFields.builder()
                .plain(SERVER_URL, serverUrl)
                .plain(USERNAME, username)
                .plain(CALENDAR_URL, calendarUrl)
                .plain(CALENDAR_NAME, calendarName)
                .secret(PASSWORD, password)
                .build();
    }

    static CalDavSettings fromStoredFields(StoredFields fields) {
        return new CalDavSettings(
                fields.requiredPlain(SERVER_URL),
                fields.plain(USERNAME),
                fields.secret(PASSWORD),
                fields.plain(CALENDAR_URL),
                fields.plain(CALENDAR_NAME));
    }
}
