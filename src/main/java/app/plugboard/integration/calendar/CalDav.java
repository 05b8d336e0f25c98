package app.plugboard.integration.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CalDAV account, spoken to the standard way (RFC 4791, RFC 6764): find the account's principal from the
 * address given or {@code /.well-known/caldav}, its calendar home, the calendars there (PROPFIND), and the
 * events of a time range (REPORT calendar-query). Every request goes through {@link CalendarHttp}; the XML
 * answers through {@link DavXml}.
 *
 * <p>The password goes to the server the person entered and nowhere else (security notes, rule 25): a
 * redirect, or an href of the principal, the calendar home or a calendar, that leads to another origin ends
 * the step before anything is sent there, with a reply that names that server and what to do if it is
 * right (enter it as the server address). {@link CalendarHttp} already leaves the password off a redirect
 * to another origin; this stops the next request, which would be sent there with it.
 */
final class CalDav {

    /** The most calendars one account offers in the chat (a select holds 25: one more for "all"). */
    static final int MAX_CALENDARS = 24;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One calendar of the account. */
    record Calendar(URI url, String name, @Nullable String description) {
    }

    private final CalendarSources sources;

    CalDav(CalendarSources sources) {
        this.sources = sources;
    }

    /** The account's calendars that hold events, by name. */
    List<Calendar> calendars(CalDavSettings settings, FetchBudget budget) throws CalendarUnavailableException {
        Account account = Account.of(settings);
        URI server = account.server();
        List<URI> starts = new ArrayList<>();
        URI wellKnown = server.resolve("/.well-known/caldav");
        String path = server.getPath() == null ? "" : server.getPath();
        if (path.isEmpty() || path.equals("/")) {
            starts.add(wellKnown);
            starts.add(server);
        } else {
            starts.add(server);
            starts.add(wellKnown);
        }
        URI principal = null;
        URI home = null;
        for (URI start : starts) {
            Found found = propfind(account, budget, start, 0, """
                    <d:prop><d:resourcetype/><d:displayname/><d:current-user-principal/><c:calendar-home-set/>\
                    <c:supported-calendar-component-set/><c:calendar-description/></d:prop>""");
            if (found == null) {
                continue;
            }
            DavXml.Response self = found.first();
            if (self != null && self.holds(DavXml.DAV, "resourcetype", DavXml.CALDAV, "calendar")) {
                return List.of(calendar(found.url, self));
            }
            if (self != null && self.href(DavXml.CALDAV, "calendar-home-set") != null) {
                home = found.url.resolve(self.href(DavXml.CALDAV, "calendar-home-set"));
                break;
            }
            if (self != null && self.href(DavXml.DAV, "current-user-principal") != null) {
                principal = found.url.resolve(self.href(DavXml.DAV, "current-user-principal"));
                break;
            }
        }
        if (home == null && principal != null) {
            Found found = propfind(account, budget, principal, 0, "<d:prop><c:calendar-home-set/></d:prop>");
            DavXml.Response self = found == null ? null : found.first();
            if (self != null && self.href(DavXml.CALDAV, "calendar-home-set") != null) {
                home = found.url.resolve(self.href(DavXml.CALDAV, "calendar-home-set"));
            }
        }
        if (home == null) {
            throw CalendarUnavailableException.error("No CalDAV account was found at " + CalendarHttp.display(server)
                    + ": check the server address (for Nextcloud it ends in /remote.php/dav).", CalDavSettings.SERVER_URL);
        }
        Found listing = propfind(account, budget, home, 1, """
                <d:prop><d:resourcetype/><d:displayname/><c:supported-calendar-component-set/>\
                <c:calendar-description/></d:prop>""");
        if (listing == null) {
            throw CalendarUnavailableException.error("The CalDAV server at " + CalendarHttp.display(server)
                    + " did not list the account's calendars.", CalDavSettings.SERVER_URL);
        }
        Map<URI, Calendar> calendars = new LinkedHashMap<>();
        for (DavXml.Response response : listing.responses) {
            List<String> components = response.components();
            if (response.holds(DavXml.DAV, "resourcetype", DavXml.CALDAV, "calendar")
                    && (components.isEmpty() || components.contains("VEVENT"))) {
                URI url = account.own(listing.url.resolve(response.href()));
                calendars.putIfAbsent(url, calendar(url, response));
            }
        }
        return calendars.values().stream().limit(MAX_CALENDARS).toList();
    }

    /** The event data of one calendar that touches {@code [from, to)} (the server filters; we expand). */
    List<byte[]> events(CalDavSettings settings, URI calendar, Instant from, Instant to, FetchBudget budget)
            throws CalendarUnavailableException {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:prop><d:getetag/><c:calendar-data/></d:prop>
                  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
                    <c:time-range start="%s" end="%s"/>
                  </c:comp-filter></c:comp-filter></c:filter>
                </c:calendar-query>""".formatted(UTC.format(from), UTC.format(to));
        Account account = Account.of(settings);
        HttpAnswer answer = sources.send(new HttpCall("REPORT", account.own(calendar), Map.of("Depth", "1",
                "Content-Type", "application/xml; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8),
                account.credentials(), null), budget, CalDavSettings.SERVER_URL);
        account.own(answer.url());
        CalendarSources.refuseStatus(answer, true, CalDavSettings.SERVER_URL, CalDavSettings.USERNAME, CalDavSettings.PASSWORD);
        List<DavXml.Response> responses = read(answer);
        List<byte[]> events = new ArrayList<>();
        for (DavXml.Response response : responses) {
            String data = response.text(DavXml.CALDAV, "calendar-data");
            if (data != null) {
                events.add(data.getBytes(StandardCharsets.UTF_8));
            }
        }
        return events;
    }

    private record Found(URI url, List<DavXml.Response> responses) {
        DavXml.@Nullable Response first() {
            return responses.isEmpty() ? null : responses.get(0);
        }
    }

    /** A PROPFIND; null when this address is no WebDAV resource (404, 405, not a multistatus). */
    private @Nullable Found propfind(Account account, FetchBudget budget, URI url, int depth, String properties)
            throws CalendarUnavailableException {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">" + properties + "</d:propfind>";
        HttpAnswer answer = sources.send(new HttpCall("PROPFIND", account.own(url), Map.of("Depth", String.valueOf(depth),
                "Content-Type", "application/xml; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8), account.credentials(),
                null), budget, CalDavSettings.SERVER_URL);
        account.own(answer.url());
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 429 || answer.status() >= 500) {
            CalendarSources.refuseStatus(answer, account.credentials() != null, CalDavSettings.SERVER_URL,
                    CalDavSettings.USERNAME, CalDavSettings.PASSWORD);
        }
        if (answer.status() != 207) {
            return null;
        }
        return new Found(answer.url(), read(answer));
    }

    private static List<DavXml.Response> read(HttpAnswer answer) throws CalendarUnavailableException {
        try {
            return DavXml.multistatus(answer.body());
        } catch (DavXml.Unreadable e) {
            throw CalendarUnavailableException.error("The CalDAV server at " + CalendarHttp.display(answer.url())
                    + " sent an answer Plugboard does not read: " + e.getMessage() + ".", CalDavSettings.SERVER_URL);
        }
    }

    private static Calendar calendar(URI url, DavXml.Response response) {
        String name = response.text(DavXml.DAV, "displayname");
        if (name == null) {
            String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
            name = path.isEmpty() ? "Calendar" : path.substring(path.lastIndexOf('/') + 1);
        }
        String description = response.text(DavXml.CALDAV, "calendar-description");
        return new Calendar(url, IcsCalendar.clean(name, 80), description == null ? null : IcsCalendar.clean(description, 90));
    }

    /** The server the person entered, and the password that goes to its origin only. */
    private record Account(URI server, HttpCall.@Nullable Credentials credentials) {

        static Account of(CalDavSettings settings) throws CalendarUnavailableException {
            URI server = CalendarSources.uri(settings.serverUrl() == null ? "" : settings.serverUrl());
            return new Account(server, settings.username() == null || settings.password() == null ? null
                    : new HttpCall.Credentials(settings.username(), settings.password()));
        }

        /** {@code url}, when the password may go there: without one, anywhere; with one, the server's origin only. */
        URI own(URI url) throws CalendarUnavailableException {
            if (credentials == null || CalendarHttp.origin(url).equals(CalendarHttp.origin(server))) {
                return url;
            }
            String host = url.getHost() == null ? "another server" : url.getHost().toLowerCase(Locale.ROOT)
                    + (url.getPort() > 0 ? ":" + url.getPort() : "");
            String address = (url.getScheme() == null ? "https" : url.getScheme().toLowerCase(Locale.ROOT)) + "://" + host;
            throw CalendarUnavailableException.error("This account's calendars are on " + host + ", not on the server you"
                    + " entered (" + CalendarHttp.display(server) + "). Plugboard sends your password only to the server you"
                    + " entered: if " + host + " is your calendar provider, enter " + address + " as the server address.",
                    CalDavSettings.SERVER_URL);
        }
    }
}
