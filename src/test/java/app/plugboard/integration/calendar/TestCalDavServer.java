package app.plugboard.integration.calendar;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A small CalDAV server for the tests, answering the way Nextcloud (sabre/dav) does: /.well-known/caldav
 * redirects to /remote.php/dav/, which names the current user's principal; the principal names the calendar
 * home; the home lists the calendars (one of them for tasks only); a calendar-query REPORT answers with one
 * iCalendar object per event. Basic authentication as alice / {@link #PASSWORD}.
 */
public final class TestCalDavServer implements AutoCloseable {

    public static final String PASSWORD = "dav-pa55";
    private final LocalServer server = LocalServer.http();
    /** Where /.well-known/caldav redirects to. */
    volatile String wellKnownTarget = "/remote.php/dav/";
    /** The hrefs discovery follows: the principal, the calendar home, the prefix of each calendar. */
    volatile String principalHref = "/remote.php/dav/principals/users/alice/";
    volatile String homeHref = "/remote.php/dav/calendars/alice/";
    volatile String calendarBase = "/remote.php/dav/calendars/alice/";
    /** Answers to PROPFIND on the DAV root, when a test sends something hostile; null: the Nextcloud answer. */
    volatile String rootAnswer;
    volatile List<String> calendars = List.of("personal", "work", "tasks");
    /** How long every answer waits before it starts (a slow server). */
    volatile long delayMillis;
    /** Bytes of padding (an XML comment) in each calendar's REPORT answer (a big calendar). */
    volatile int reportPadding;

    public TestCalDavServer() {
        server.on("/.well-known/caldav", exchange -> LocalServer.redirect(exchange, 301, wellKnownTarget))
                .on("/remote.php/dav/", this::dav);
    }

    public int port() {
        return server.port();
    }

    public List<LocalServer.Seen> seen() {
        return server.seen;
    }

    private void dav(HttpExchange exchange) throws IOException {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Nextcloud\", charset=\"UTF-8\"");
            LocalServer.send(exchange, 401, "application/xml; charset=utf-8", """
                    <?xml version="1.0" encoding="utf-8"?>
                    <d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">
                      <s:exception>Sabre\\DAV\\Exception\\NotAuthenticated</s:exception>
                      <s:message>No public access to this resource., Username or password was incorrect</s:message>
                    </d:error>""".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body;
        if (method.equals("PROPFIND") && path.equals("/remote.php/dav/")) {
            body = rootAnswer != null ? rootAnswer : """
                    <?xml version="1.0" encoding="utf-8"?>
                    <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav">
                      <d:response>
                        <d:href>/remote.php/dav/</d:href>
                        <d:propstat>
                          <d:prop>
                            <d:current-user-principal><d:href>%s</d:href></d:current-user-principal>
                            <d:resourcetype><d:collection/></d:resourcetype>
                          </d:prop>
                          <d:status>HTTP/1.1 200 OK</d:status>
                        </d:propstat>
                        <d:propstat>
                          <d:prop><d:displayname/><cal:calendar-home-set/></d:prop>
                          <d:status>HTTP/1.1 404 Not Found</d:status>
                        </d:propstat>
                      </d:response>
                    </d:multistatus>""".formatted(principalHref);
        } else if (method.equals("PROPFIND") && path.equals("/remote.php/dav/principals/users/alice/")) {
            body = """
                    <?xml version="1.0"?>
                    <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
                     <d:response>
                      <d:href>/remote.php/dav/principals/users/alice/</d:href>
                      <d:propstat>
                       <d:prop><cal:calendar-home-set><d:href>%s</d:href></cal:calendar-home-set></d:prop>
                       <d:status>HTTP/1.1 200 OK</d:status>
                      </d:propstat>
                     </d:response>
                    </d:multistatus>""".formatted(homeHref);
        } else if (method.equals("PROPFIND") && path.equals("/remote.php/dav/calendars/alice/")) {
            StringBuilder listing = new StringBuilder("""
                    <?xml version="1.0"?>
                    <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:oc="http://owncloud.org/ns">
                     <d:response>
                      <d:href>/remote.php/dav/calendars/alice/</d:href>
                      <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop>
                       <d:status>HTTP/1.1 200 OK</d:status></d:propstat>
                     </d:response>""");
            for (String calendar : calendars) {
                String name = switch (calendar) {
                    case "personal" -> "Personal";
                    case "work" -> "Work 💼";
                    default -> "Tasks";
                };
                String components = calendar.equals("tasks") ? "<cal:comp name=\"VTODO\"/>"
                        : "<cal:comp name=\"VEVENT\"/><cal:comp name=\"VTODO\"/>";
                listing.append("""
                         <d:response>
                          <d:href>%s%s/</d:href>
                          <d:propstat>
                           <d:prop>
                            <d:resourcetype><d:collection/><cal:calendar/></d:resourcetype>
                            <d:displayname>%s</d:displayname>
                            <cal:supported-calendar-component-set>%s</cal:supported-calendar-component-set>
                           </d:prop>
                           <d:status>HTTP/1.1 200 OK</d:status>
                          </d:propstat>
                          <d:propstat><d:prop><cal:calendar-description/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
                         </d:response>""".formatted(calendarBase, calendar, name, components));
            }
            body = listing.append("</d:multistatus>").toString();
        } else if (method.equals("REPORT") && path.startsWith("/remote.php/dav/calendars/alice/")) {
            String calendar = path.substring("/remote.php/dav/calendars/alice/".length()).replace("/", "");
            String[] events = calendar.equals("work")
                    ? new String[] {event("standup", "20261201T090000Z", "Stand-up", "RRULE:FREQ=DAILY;COUNT=5\r\n")}
                    : new String[] {event("dentist", "20261203T150000Z", "Zahnarzt", ""),
                            event("yoga", "20261130T180000Z", "Yoga", "RRULE:FREQ=WEEKLY\r\n")};
            StringBuilder report = new StringBuilder("<?xml version=\"1.0\"?>\n"
                    + "<d:multistatus xmlns:d=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\">");
            for (String event : events) {
                report.append("<d:response><d:href>/remote.php/dav/calendars/alice/").append(calendar).append("/x.ics</d:href>")
                        .append("<d:propstat><d:prop><d:getetag>\"1\"</d:getetag><cal:calendar-data>")
                        .append(event.replace("&", "&amp;").replace("<", "&lt;"))
                        .append("</cal:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>");
            }
            if (reportPadding > 0) {
                report.append("<!--").append("x".repeat(reportPadding)).append("-->");
            }
            body = report.append("</d:multistatus>").toString();
        } else {
            LocalServer.send(exchange, 405, null, new byte[0]);
            return;
        }
        LocalServer.send(exchange, 207, "application/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String uid, String start, String title, String rule) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sabre//Sabre VObject 4.5.4//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + start + "\r\nDURATION:PT1H\r\n" + rule + "SUMMARY:" + title
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Override
    public void close() {
        server.close();
    }
}
