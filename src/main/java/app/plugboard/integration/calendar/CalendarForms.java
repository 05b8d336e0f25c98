package app.plugboard.integration.calendar;

import static app.plugboard.integration.chat.FormInputs.secret;
import static app.plugboard.integration.chat.FormInputs.value;

import app.plugboard.chat.Form;
import app.plugboard.chat.Option;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.chat.FormInputs;
import app.plugboard.integration.chat.FormPurpose;
import app.plugboard.integration.chat.TypeForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The calendar form: one type, two ways in. A published iCal feed (its address is a secret: it
 * usually carries a private token) or a CalDAV server with username and password.
 */
@Component
@Order(30) // listed after IMAP mail and Gmail
class CalendarForms implements TypeForms {

    // the keys of the form's inputs (what Discord and the terminal send back), apart from the stored names
    static final String SOURCE = "source";
    static final String ADDRESS = "address";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    // the values of the source choice
    static final String FEED = "feed";
    static final String CALDAV = "caldav";
    private static final String FEED_PLACEHOLDER = "https://... or webcal://...";

    @Override
    public IntegrationType type() {
        return CalendarType.TYPE;
    }

    @Override
    public List<FormPurpose> editChoices(SettingsKind kind) {
        return CalendarType.CALDAV.equals(kind)
                ? List.of(FormPurpose.CHANGE_URL, FormPurpose.REPLACE_CREDENTIALS)
                : List.of(FormPurpose.CHANGE_URL);
    }

    @Override
    public List<Form.Input> inputs(FormPurpose purpose, @Nullable SettingsKind kind, Map<String, String> prefill) {
        List<Form.Input> inputs = new ArrayList<>();
        if (purpose == FormPurpose.ADD) {
            inputs.add(Form.Choice.of(SOURCE, "What you are adding", List.of(
                    Option.of(FEED, "An iCal feed address", "Google, Outlook, Apple, any .ics or webcal:// link"),
                    Option.of(CALDAV, "A CalDAV server", "Nextcloud, Fastmail, iCloud, Radicale...")),
                    prefill.getOrDefault(SOURCE, FEED)));
        }
        boolean feed = purpose == FormPurpose.ADD || CalendarType.FEED.equals(kind);
        if (purpose == FormPurpose.ADD) {
            // a feed address is a secret, like a password (it usually carries a private token): never
            // prefilled, never kept in a draft, not echoed in the terminal
            inputs.add(Form.Text.required(ADDRESS, "Address", 2048).asSecret().described("The feed's address, or the CalDAV server's.")
                    .placeholder(FEED_PLACEHOLDER));
        } else if (purpose != FormPurpose.REPLACE_CREDENTIALS) {
            inputs.add(feed ? Form.Text.optional(ADDRESS, "Address", 2048).asSecret()
                            .described("The new address. " + FormInputs.EMPTY_KEEPS).placeholder(FEED_PLACEHOLDER)
                    : Form.Text.required(ADDRESS, "CalDAV server address", 2048)
                            .placeholder("https://cloud.example.com/remote.php/dav").prefilled(prefill.get(ADDRESS)));
        }
        inputs.add(Form.Text.optional(USERNAME, "Username", 320)
                .described("Only for CalDAV, or a feed that asks for one.").prefilled(prefill.get(USERNAME)));
        inputs.add(secret(PASSWORD, "Password", switch (purpose) {
            case ADD -> FormInputs.DISCORD_SHOWS_IT;
            case CHANGE_URL -> FormInputs.NEEDED_FOR_NEW_SERVER;
            case REPLACE_CREDENTIALS, SENDING -> FormInputs.EMPTY_KEEPS;
        }));
        return inputs;
    }

    @Override
    public IntegrationSettings parse(FormPurpose purpose, Map<String, String> typed, @Nullable IntegrationSettings current) {
        String username = value(typed, USERNAME);
        String password = value(typed, PASSWORD);
        String address = value(typed, ADDRESS);
        boolean caldav = purpose == FormPurpose.ADD ? CALDAV.equals(value(typed, SOURCE)) : current instanceof CalDavSettings;
        if (caldav) {
            CalDavSettings stored = current instanceof CalDavSettings dav ? dav : null;
            boolean sameServer = stored != null && (address == null || address.equals(stored.serverUrl()));
            return new CalDavSettings(
                    address != null ? address : stored == null ? null : stored.serverUrl(),
                    purpose == FormPurpose.CHANGE_URL && username == null && stored != null ? stored.username() : username,
                    password != null ? Secret.of(password) : stored == null ? null : stored.password(),
                    sameServer ? stored.calendarUrl() : null,
                    sameServer ? stored.calendarName() : null);
        }
        CalendarFeedSettings stored = current instanceof CalendarFeedSettings feed ? feed : null;
        if (address == null && stored == null) {
            throw new InvalidInputException(new InputProblem(ADDRESS,
                    "Address is empty: paste the calendar's address, such as https://calendar.example.com/private/basic.ics."));
        }
        return new CalendarFeedSettings(
                address != null ? Secret.of(address) : stored.url(),
                username,
                password != null ? Secret.of(password) : stored == null ? null : stored.password());
    }

    @Override
    public Map<String, String> prefill(IntegrationSettings settings) {
        Map<String, String> values = new HashMap<>();
        if (settings instanceof CalDavSettings dav) {
            values.put(SOURCE, CALDAV);
            if (dav.serverUrl() != null) {
                values.put(ADDRESS, dav.serverUrl());
            }
            if (dav.username() != null) {
                values.put(USERNAME, dav.username());
            }
        } else if (settings instanceof CalendarFeedSettings feed) {
            values.put(SOURCE, FEED);
            if (feed.username() != null) {
                values.put(USERNAME, feed.username());
            }
        }
        return values;
    }
}
