package app.plugboard.integration;

import static app.plugboard.integration.SettingsChecks.addIfPresent;

import app.plugboard.common.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A published iCal feed. The address is a secret: it usually carries a private token. A feed
 * behind HTTP Basic authentication also has a username and password.
 */
public record CalendarFeedSettings(
        @Nullable Secret url,
        @Nullable String username,
        @Nullable Secret password) implements IntegrationSettings {

    public static final String URL = "url";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    /** Scheme and host only, stored in the clear so lists need not decrypt anything. */
    public static final String DISPLAY_URL = "displayUrl";
    private static final String EXAMPLE = "https://calendar.example.com/private/basic.ics";

    public CalendarFeedSettings {
        url = url == null ? null : Secret.of(WebAddresses.normalize(url.reveal()));
        username = SettingsChecks.isBlank(username) ? null : username.trim();
        password = SettingsChecks.isBlank(password) ? null : password;
    }

    @Override
    public SettingsKind kind() {
        return SettingsKind.CALENDAR_FEED;
    }

    /** The address is fetched from its own origin, and the password sent there (never to another one). */
    @Override
    public Map<String, SecretUse> secretUses() {
        Destination origin = Destination.origin(url == null ? null : url.reveal());
        return Map.of(URL, SecretUse.of("Address", url, origin), PASSWORD, SecretUse.of("Password", password, origin));
    }

    /** Scheme and host only, safe for lists and logs. */
    public String displayUrl() {
        return url == null ? "(no address)" : WebAddresses.schemeAndHost(url.reveal());
    }

    @Override
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        addIfPresent(problems, SettingsChecks.webUrl(URL, "Calendar address", url == null ? null : url.reveal(), EXAMPLE));
        if (username != null) {
            addIfPresent(problems, SettingsChecks.text(USERNAME, "Username", username, 320, "enter the feed's username."));
            if (password == null) {
                problems.add(new InputProblem(PASSWORD, "Password is empty: a feed with a username needs its password too."));
            }
        } else if (password != null) {
            problems.add(new InputProblem(USERNAME, "Username is empty: a feed with a password needs its username too."));
        }
        return problems;
    }

    @Override
    public StoredSettings toStoredSettings() {
        return StoredSettings.builder()
                .plain(USERNAME, username)
                .plain(DISPLAY_URL, displayUrl())
                .secret(URL, url)
                .secret(PASSWORD, password)
                .build();
    }

    static CalendarFeedSettings fromStoredSettings(StoredSettings fields) {
        return new CalendarFeedSettings(
                fields.requiredSecret(URL), fields.plain(USERNAME), fields.secret(PASSWORD));
    }
}
