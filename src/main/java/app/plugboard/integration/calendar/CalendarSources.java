package app.plugboard.integration.calendar;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads a feed into an {@link IcsCalendar}: the fetch, the answer's status, the parse, each failure in
 * words for the owner. Shared by the feed probe and {@link CalendarAccess}.
 */
final class CalendarSources {

    private final CalendarHttp http;
    private final IcsReader reader;
    private final FeedCache cache;
    private final Clock clock;

    CalendarSources(CalendarHttp http, IcsReader reader, FeedCache cache, Clock clock) {
        this.http = http;
        this.reader = reader;
        this.cache = cache;
        this.clock = clock;
    }

    CalendarHttp http() {
        return http;
    }

    IcsReader reader() {
        return reader;
    }

    /** What one check may use in all, starting now: every request of the check draws on it. */
    FetchBudget budget() {
        return http.budget();
    }

    /**
     * The feed, fetched and parsed.
     *
     * @param cacheKey the stored integration's {@link FeedCache#key}: the fetch is conditional when an earlier
     *                 answer for it is at hand; null (settings not stored yet) fetches in full and keeps nothing
     */
    IcsCalendar feed(CalendarFeedSettings settings, @Nullable String cacheKey, FetchBudget budget)
            throws CalendarUnavailableException {
        if (settings.url() == null) {
            throw CalendarUnavailableException.error("The calendar has no address: paste one.", CalendarFeedSettings.URL);
        }
        String address = settings.url().reveal();
        URI url = uri(address);
        HttpCall.Credentials credentials = settings.username() == null || settings.password() == null ? null
                : new HttpCall.Credentials(settings.username(), settings.password());
        FeedCache.Entry cached = cacheKey == null ? null : cache.get(cacheKey);
        HttpCall call = HttpCall.get(url, credentials).withHeader("Accept", "text/calendar, */*;q=0.5")
                .withValidators(cached == null ? null : cached.validators());
        HttpAnswer answer = send(call, budget, CalendarFeedSettings.URL);
        byte[] body;
        if (answer.notModified() && cached != null) {
            body = cached.body();
        } else if (answer.notModified()) {
            answer = send(call.withValidators(null), budget, CalendarFeedSettings.URL);
            body = answer.body();
        } else {
            body = answer.body();
        }
        if (!answer.notModified()) {
            refuseStatus(answer, credentials != null, CalendarFeedSettings.URL, CalendarFeedSettings.USERNAME,
                    CalendarFeedSettings.PASSWORD);
        }
        try {
            IcsCalendar calendar = reader.read(body, answer.notModified() ? java.nio.charset.StandardCharsets.UTF_8 : answer.charset());
            if (!answer.notModified() && cacheKey != null) {
                cache.put(cacheKey, new FeedCache.Entry(answer.validators(), body, clock.instant()));
            }
            return calendar;
        } catch (NotACalendarException e) {
            if (cacheKey != null) {
                cache.forget(cacheKey);
            }
            throw CalendarUnavailableException.error("The address " + CalendarHttp.display(url) + " answers, but "
                    + e.getMessage() + ". Check that you copied the calendar's iCal (.ics) address.", CalendarFeedSettings.URL);
        }
    }

    HttpAnswer send(HttpCall call, FetchBudget budget, String addressField) throws CalendarUnavailableException {
        try {
            return http.send(call, budget);
        } catch (FetchException e) {
            throw switch (e.reason()) {
                case UNREACHABLE, TIMEOUT, TOTAL_TIMEOUT -> CalendarUnavailableException.failing(e.getMessage());
                default -> CalendarUnavailableException.error(e.getMessage(), addressField);
            };
        }
    }

    /** Any answer but a success becomes the owner's next step: sign in, fix the address, or wait. */
    static void refuseStatus(HttpAnswer answer, boolean withCredentials, String addressField, String usernameField,
            String passwordField) throws CalendarUnavailableException {
        int status = answer.status();
        String where = CalendarHttp.display(answer.url());
        if (answer.ok()) {
            return;
        }
        if (status == 401) {
            if (!answer.asksForBasic()) {
                throw CalendarUnavailableException.error("The server at " + where + " asks for a kind of sign-in Plugboard does"
                        + " not support; only a username and password (HTTP Basic) work.", addressField);
            }
            if (!withCredentials) {
                throw CalendarUnavailableException.error("🔒 This calendar asks for a username and password: enter them in the"
                        + " Username and Password fields (and paste the address again).", usernameField);
            }
            throw CalendarUnavailableException.error("The server at " + where + " refused the username and password: check"
                    + " them (an app password, if your provider uses them).", passwordField);
        }
        if (status == 403) {
            throw CalendarUnavailableException.error("The server at " + where + " refuses access (403): check that the"
                    + " calendar is shared or published, and that the account may read it.", addressField);
        }
        if (status == 404 || status == 410) {
            throw CalendarUnavailableException.error("The address answers " + status + " (not found): paste the current one.",
                    addressField);
        }
        if (status == 429 || status >= 500) {
            throw CalendarUnavailableException.failing("The server at " + where + " is busy or failing (HTTP " + status
                    + "); it will be tried again.");
        }
        throw CalendarUnavailableException.error("The server at " + where + " answered HTTP " + status
                + " instead of the calendar.", addressField);
    }

    static URI uri(String address) throws CalendarUnavailableException {
        try {
            return new URI(address.strip());
        } catch (URISyntaxException e) {
            throw CalendarUnavailableException.error("The address is not a valid web address.", null);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
