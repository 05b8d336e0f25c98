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
 * A published iCal feed. The address is a secret: it usually carries a private token. A feed
 * behind HTTP Basic authentication also has a username and password. Stored by {@link CalendarFeedFormat}.
 */
public record CalendarFeedSettings(
        @Nullable Secret url,
        @Nullable String username,
        @Nullable Secret password) implements IntegrationSettings {

    // the names of the fields, as problems and checks name them (the form and the storage name their own)
    public static final String URL = "url";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    private static final String EXAMPLE = "https://calendar.example.com/private/basic.ics";

    public CalendarFeedSettings {
        url = url == null ? null : Secret.of(WebAddresses.normalize(url.reveal()));
        username = SettingsChecks.isBlank(username) ? null : username.trim();
        password = SettingsChecks.isBlank(password) ? null : password;
    }

    @Override
    public SettingsKind kind() {
        return CalendarType.FEED;
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
}
