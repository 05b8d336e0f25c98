package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.UserId;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationStatus;
import app.plugboard.integration.Secret;
import app.plugboard.net.AddressRange;
import app.plugboard.net.DestinationGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
@DisplayName("The calendar connection checks, against real servers on loopback")
class CalendarProbesTest {

    static final String TOKEN = "private-SECRET-TOKEN-4711";
    static final Instant NOW = CalendarParsingTest.NOW;

    final StubResolver resolver = new StubResolver().with("calendar.example.test", "127.0.0.1")
            .with("dav.example.test", "127.0.0.1").with("calendars.example.test", "127.0.0.1")
            .with("metadata.example.test", "169.254.169.254");
    final CalendarHttp http = new CalendarHttp(new DestinationGuard(resolver, List.of(AddressRange.parse("127.0.0.1/32"))),
            CalendarProperties.defaults().limits().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withDeadline(Duration.ofSeconds(5)));
    final CalendarSources sources = new CalendarSources(http, new IcsReader(), new FeedCache(1 << 20),
            Clock.fixed(NOW, ZoneOffset.UTC));
    final FeedProbe feeds = new FeedProbe(sources, ZoneOffset.UTC);
    final CalDav caldav = new CalDav(sources);
    final CalDavProbe davs = new CalDavProbe(caldav, sources, ZoneOffset.UTC);

    @Nested
    @DisplayName("iCal feeds")
    class Feeds {

        final LocalServer server = LocalServer.http();

        @AfterEach
        void stop() {
            server.close();
        }

        CalendarFeedSettings feed(String path) {
            return new CalendarFeedSettings(Secret.of("http://calendar.example.test:" + server.port() + path), null, null);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "google-family.ics    | Familie Müller: 3 events. Next:\\n• Mon 30 Nov 2026, 06:30 — Schwimmen 🏊\\n"
                        + "• Tue 1 Dec 2026, all day — Omas Geburtstag 🎂\\n• Mon 7 Dec 2026, 17:00 — Schwimmen 🏊 (abends)\\n(times in UTC)",
                "outlook-exchange.ics | Kalender: 2 events. Next:\\n• Tue 1 Dec 2026, 09:00 — Team-Jour-fixe\\n"
                        + "• Tue 15 Dec 2026, 13:00 — Team-Jour-fixe (verschoben)\\n• Tue 22 Dec 2026, 09:00 — Team-Jour-fixe\\n(times in UTC)",
                "apple-icloud.ics     | Orchester 🎻: 3 events. Next:\\n• Tue 1 Dec 2026, 00:00 — Stimmprobe Geigen\\n"
                        + "• Sat 5 Dec 2026, all day — Weihnachtskonzert\\n• Fri 8 Jan 2027, 23:30 — Orchesterprobe – Freitag ausnahmsweise\\n(times in UTC)",
                "evolution-work.ics   | The calendar: 2 events. Next:\\n• Mon 30 Nov 2026, 08:00 — Café avec l'équipe ☕\\n"
                        + "• Fri 4 Dec 2026, 08:00 — Café avec l'équipe ☕\\n• Sat 5 Dec 2026, all day — Marché de Noël\\n(times in UTC)"})
        @DisplayName("a real-world export served over HTTP: its name, how many events, the next three in local time")
        void realWorld(String file, String preview) {
            server.on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar; charset=UTF-8",
                    CalendarParsingTest.resource(file)));

            CheckResult result = feeds.check(feed("/calendar/ical/" + TOKEN + "/basic.ics"));

            assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(result.message()).isEqualTo(preview.replace("\\n", "\n"));
        }

        @Test
        @DisplayName("a feed of several VCALENDAR objects is read as one calendar with all their events")
        void severalObjects() {
            // GIVEN a feed server whose body is two complete VCALENDAR objects, one after the other
            server.on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar; charset=UTF-8", CalendarParsingTest.concat(
                    CalendarParsingTest.resource("google-family.ics"), CalendarParsingTest.resource("evolution-work.ics"))));

            // WHEN it is checked
            CheckResult result = feeds.check(feed("/" + TOKEN + "/all.ics"));

            // THEN it is connected, and counts the events of both objects
            assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(result.message()).isEqualTo("Familie Müller: 5 events. Next:\n• Mon 30 Nov 2026, 06:30 — Schwimmen 🏊\n"
                    + "• Mon 30 Nov 2026, 08:00 — Café avec l'équipe ☕\n• Tue 1 Dec 2026, all day — Omas Geburtstag 🎂\n(times in UTC)");
        }

        @Test
        @DisplayName("401 with Basic asks for a username and password; wrong ones are named as such")
        void basic() {
            server.on("/", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (!"Basic Ym9iOnJpZ2h0".equals(auth)) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"calendar\"");
                    LocalServer.send(exchange, 401, null, new byte[0]);
                    return;
                }
                LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("evolution-work.ics"));
            });
            String address = "http://calendar.example.test:" + server.port() + "/" + TOKEN;

            CheckResult none = feeds.check(new CalendarFeedSettings(Secret.of(address), null, null));
            CheckResult wrong = feeds.check(new CalendarFeedSettings(Secret.of(address), "bob", Secret.of("wrong")));
            CheckResult right = feeds.check(new CalendarFeedSettings(Secret.of(address), "bob", Secret.of("right")));

            assertThat(none.status()).isEqualTo(IntegrationStatus.ERROR);
            assertThat(none.field()).isEqualTo(CalendarFeedSettings.USERNAME);
            assertThat(none.message()).startsWith("🔒 This calendar asks for a username and password");
            assertThat(wrong.field()).isEqualTo(CalendarFeedSettings.PASSWORD);
            assertThat(wrong.message()).contains("refused the username and password");
            assertThat(right.status()).isEqualTo(IntegrationStatus.CONNECTED);
        }

        @Test
        @DisplayName("404, 503, a web page instead of the feed, a blocked address: each says what to do")
        void failures(CapturedOutput output) {
            server.on("/gone", exchange -> LocalServer.send(exchange, 404, null, new byte[0]))
                    .on("/busy", exchange -> LocalServer.send(exchange, 503, null, new byte[0]))
                    .on("/page", exchange -> LocalServer.send(exchange, 200, "text/html",
                            "<!DOCTYPE html><html><title>Sign in</title></html>".getBytes(StandardCharsets.UTF_8)));

            CheckResult gone = feeds.check(feed("/gone/" + TOKEN));
            CheckResult busy = feeds.check(feed("/busy/" + TOKEN));
            CheckResult page = feeds.check(feed("/page/" + TOKEN));
            CheckResult blocked = feeds.check(new CalendarFeedSettings(Secret.of("https://metadata.example.test/" + TOKEN), null, null));

            assertThat(gone.message()).isEqualTo("The address answers 404 (not found): paste the current one.");
            assertThat(gone.status()).isEqualTo(IntegrationStatus.ERROR);
            assertThat(busy.status()).isEqualTo(IntegrationStatus.FAILING);
            assertThat(busy.message()).contains("is busy or failing (HTTP 503)");
            assertThat(page.message()).isEqualTo("The address http://calendar.example.test:" + server.port() + "/... answers, but"
                    + " not a calendar: it is a web page (HTML), perhaps a sign-in page; use the calendar's iCal (.ics) address."
                    + " Check that you copied the calendar's iCal (.ics) address.");
            assertThat(blocked.message()).isEqualTo("Could not reach metadata.example.test:443: check the address, or try again later.");
            assertThat(List.of(gone, busy, page, blocked)).extracting(CheckResult::message).noneMatch(m -> m.contains(TOKEN));
            assertThat(output.getAll()).doesNotContain(TOKEN);
        }

        @Test
        @DisplayName("a re-check of a stored integration's unchanged feed is a 304 and shows the same preview")
        void unchanged() {
            server.on("/", exchange -> {
                if ("\"abc\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    LocalServer.send(exchange, 304, null, new byte[0]);
                    return;
                }
                exchange.getResponseHeaders().set("ETag", "\"abc\"");
                LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics"));
            });

            UserId owner = new UserId(1);
            IntegrationId stored = IntegrationId.random();

            CheckResult first = feeds.check(owner, stored, feed("/" + TOKEN));
            CheckResult second = feeds.check(owner, stored, feed("/" + TOKEN));

            assertThat(second).isEqualTo(first);
            assertThat(server.seen).extracting(LocalServer.Seen::ifNoneMatch).containsExactly(null, "\"abc\"");
        }

        @Test
        @DisplayName("the copy of an unchanged feed is its integration's own: another owner, new credentials or an unsaved check never read it")
        void cachePerIntegration() {
            // GIVEN a feed behind a password, served through a cache that answers 304 to any known ETag without
            // looking at the password (a CDN in front of the calendar server)
            String right = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:right".getBytes(StandardCharsets.UTF_8));
            server.on("/", exchange -> {
                if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    LocalServer.send(exchange, 304, null, new byte[0]);
                } else if (!right.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"calendar\"");
                    LocalServer.send(exchange, 401, null, new byte[0]);
                } else {
                    exchange.getResponseHeaders().set("ETag", "\"v1\"");
                    LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics"));
                }
            });
            String address = "http://calendar.example.test:" + server.port() + "/" + TOKEN;
            UserId alice = new UserId(1);
            UserId bob = new UserId(2);
            IntegrationId alicesFeed = IntegrationId.random();
            IntegrationId bobsFeed = IntegrationId.random();
            CalendarFeedSettings withRight = new CalendarFeedSettings(Secret.of(address), "alice", Secret.of("right"));
            CalendarFeedSettings withWrong = new CalendarFeedSettings(Secret.of(address), "alice", Secret.of("wrong"));

            // WHEN Alice's integration is checked twice, then with a wrong password; Bob's integration names the same
            // feed and username with a wrong password; and the right settings are checked before being saved
            CheckResult first = feeds.check(alice, alicesFeed, withRight);
            CheckResult again = feeds.check(alice, alicesFeed, withRight);
            CheckResult changedPassword = feeds.check(alice, alicesFeed, withWrong);
            CheckResult bobs = feeds.check(bob, bobsFeed, withWrong);
            CheckResult unsaved = feeds.check(withRight);

            // THEN only Alice's own re-check with the same credentials is conditional and reads her copy; every
            // other check asks the server afresh, and a wrong password is named as such
            assertThat(server.seen).extracting(LocalServer.Seen::ifNoneMatch).containsExactly(null, "\"v1\"", null, null, null);
            assertThat(first.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(again).isEqualTo(first);
            assertThat(List.of(changedPassword, bobs)).allSatisfy(result -> {
                assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
                assertThat(result.field()).isEqualTo(CalendarFeedSettings.PASSWORD);
            });
            assertThat(unsaved).isEqualTo(first);
        }

        @Test
        @DisplayName("CalendarAccess: the events of a range, recurrences expanded; ranges are bounded")
        void access() throws Exception {
            server.on("/", exchange -> LocalServer.send(exchange, 200, "text/calendar", CalendarParsingTest.resource("google-family.ics")));
            CalendarAccess access = new CalendarAccess(null, sources, caldav, ZoneOffset.UTC);

            Expansion december = access.events(feed("/" + TOKEN), Instant.parse("2026-12-01T00:00:00Z"),
                    Instant.parse("2027-01-01T00:00:00Z"));

            assertThat(december.events()).hasSize(9)
                    .extracting(CalendarEvent::title).startsWith("Omas Geburtstag 🎂", "Schwimmen 🏊 (abends)", "Schwimmen 🏊");
            assertThat(december.events()).filteredOn(CalendarEvent::recurring).hasSize(8);
            assertThatThrownBy(() -> access.events(feed("/"), NOW, NOW.plus(Duration.ofDays(500))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("CalDAV")
    class Dav {

        final TestCalDavServer server = new TestCalDavServer();

        @AfterEach
        void stop() {
            server.close();
        }

        CalDavSettings account(String password) {
            return new CalDavSettings("http://dav.example.test:" + server.port(), "alice", Secret.of(password), null, null);
        }

        @Test
        @DisplayName("discovery: /.well-known/caldav, the principal, the calendar home, then the calendars with events")
        void discovery() {
            CheckResult result = davs.check(account(TestCalDavServer.PASSWORD));

            assertThat(result.status()).isEqualTo(IntegrationStatus.CONNECTED);
            assertThat(result.asksToChoose()).isTrue();
            assertThat(result.message()).isEqualTo("📅 The account at http://dav.example.test:" + server.port() + "/... has 2 calendars.");
            assertThat(result.choices()).extracting(CheckResult.Choice::label).containsExactly("Personal", "Work 💼", "All calendars");
            assertThat(result.choices().get(0).settings()).isEqualTo(new CalDavSettings("http://dav.example.test:" + server.port(),
                    "alice", Secret.of(TestCalDavServer.PASSWORD),
                    "http://dav.example.test:" + server.port() + "/remote.php/dav/calendars/alice/personal/", "Personal"));
            assertThat(server.seen()).extracting(s -> s.method() + " " + s.path() + " " + s.depth()).containsExactly(
                    "PROPFIND /.well-known/caldav 0", "PROPFIND /remote.php/dav/ 0",
                    "PROPFIND /remote.php/dav/principals/users/alice/ 0", "PROPFIND /remote.php/dav/calendars/alice/ 1");
        }

        @Test
        @DisplayName("a picked calendar, and all calendars: their events of the coming year, expanded")
        void picked() {
            CheckResult discovered = davs.check(account(TestCalDavServer.PASSWORD));

            CheckResult personal = davs.check(discovered.choices().get(0).settings());
            CheckResult all = davs.check(discovered.choices().get(2).settings());

            assertThat(personal.message()).isEqualTo("Personal: 2 events in the coming year. Next:\n"
                    + "• Mon 30 Nov 2026, 18:00 — Yoga\n• Tue 1 Dec 2026, 18:00 — Zahnarzt\n• Mon 7 Dec 2026, 18:00 — Yoga\n(times in UTC)"
                    .replace("Tue 1 Dec 2026, 18:00 — Zahnarzt", "Thu 3 Dec 2026, 15:00 — Zahnarzt"));
            assertThat(all.message()).startsWith("All 2 calendars: 3 events in the coming year. Next:\n• Mon 30 Nov 2026, 18:00 — Yoga\n"
                    + "• Tue 1 Dec 2026, 09:00 — Stand-up\n• Wed 2 Dec 2026, 09:00 — Stand-up");
            assertThat(server.seen()).filteredOn(s -> s.method().equals("REPORT")).first()
                    .satisfies(s -> assertThat(s.body()).contains("<c:time-range start=\"20261130T000000Z\" end=\"20271201T000000Z\"/>"));
        }

        @Test
        @DisplayName("one calendar only: picked at once, with its own check")
        void single() {
            server.calendars = List.of("personal");

            CheckResult result = davs.check(account(TestCalDavServer.PASSWORD));

            assertThat(result.choices()).singleElement().satisfies(choice -> {
                assertThat(choice.label()).isEqualTo("Personal");
                assertThat(choice.checked()).isNotNull();
                assertThat(choice.checked().message()).startsWith("Personal: 2 events in the coming year.");
            });
        }

        @Test
        @DisplayName("a wrong password is named, with the password field to fix")
        void wrongPassword(CapturedOutput output) {
            CheckResult result = davs.check(account("not-it"));

            assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
            assertThat(result.field()).isEqualTo(CalDavSettings.PASSWORD);
            assertThat(result.message()).isEqualTo("The server at http://dav.example.test:" + server.port()
                    + "/... refused the username and password: check them (an app password, if your provider uses them).");
            assertThat(output.getAll()).doesNotContain("not-it");
        }

        CalDavProbe probeWith(FetchLimits limits) {
            CalendarSources bounded = new CalendarSources(new CalendarHttp(new DestinationGuard(resolver,
                    List.of(AddressRange.parse("127.0.0.1/32"))), limits), new IcsReader(), new FeedCache(1 << 20),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            return new CalDavProbe(new CalDav(bounded), bounded, ZoneOffset.UTC);
        }

        CalDavSettings allCalendars() {
            return new CalDavSettings("http://dav.example.test:" + server.port(), "alice", Secret.of(TestCalDavServer.PASSWORD),
                    null, CalDavProbe.ALL_CALENDARS);
        }

        @Test
        @Timeout(30)
        @DisplayName("one check, one time budget: a server slow on every request stops an 'all calendars' check at the total")
        void totalTime() {
            // GIVEN a server that takes 0.6 s for every answer (well within the 5 s of one request), and a check that
            // may take 2 s in all; discovery and the two calendars take six requests
            server.delayMillis = 600;
            CalDavProbe probe = probeWith(http.limits().withTotal(Duration.ofSeconds(2), 25L << 20));
            long started = System.nanoTime();

            // WHEN all calendars are checked
            CheckResult result = probe.check(allCalendars());

            // THEN the check stops at its total, says so, and may pass later
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3000));
            assertThat(result.status()).isEqualTo(IntegrationStatus.FAILING);
            assertThat(result.message()).matches("The calendar at http://dav\\.example\\.test:" + server.port() + "/\\.\\.\\."
                    + " could not be read: this check took longer than 2 s in all, over [0-9] requests, so Plugboard stopped\\.");
            assertThat(server.seen()).hasSizeLessThan(6);
        }

        @Test
        @DisplayName("one check, one byte budget: calendars each under the cap of one answer stop when together they pass the total")
        void totalBytes() {
            // GIVEN two calendars of 800 KB each: under the 1 MB one answer may hold, over the 1.5 MB of one check
            server.reportPadding = 800 * 1024;
            CalDavProbe probe = probeWith(http.limits().withMaxBytes(1 << 20, 1 << 20)
                    .withTotal(Duration.ofSeconds(30), 1536 * 1024));

            // WHEN all calendars are checked
            CheckResult result = probe.check(allCalendars());

            // THEN the check stops, and says that together they are too much
            assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
            assertThat(result.message()).isEqualTo("The calendar at http://dav.example.test:" + server.port() + "/... could not"
                    + " be read: the answers of this check add up to more than 1536 KB, more than Plugboard reads in one check.");
            assertThat(probe.check(new CalDavSettings(allCalendars().serverUrl(), "alice", Secret.of(TestCalDavServer.PASSWORD),
                    "http://dav.example.test:" + server.port() + "/remote.php/dav/calendars/alice/work/", "Work")).status())
                    .as("one of them alone").isEqualTo(IntegrationStatus.CONNECTED);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"/.well-known/caldav redirects there", "the principal is there", "the calendar home is there",
                "a calendar is there", "a stored calendar is there"})
        @DisplayName("discovery that leads to another server: the password never goes there, and the reply names that server")
        void anotherOrigin(String step) {
            try (TestCalDavServer elsewhere = new TestCalDavServer()) {
                // GIVEN an account whose server sends discovery to another server at one step
                String there = "http://calendars.example.test:" + elsewhere.port();
                CalDavSettings settings = account(TestCalDavServer.PASSWORD);
                switch (step) {
                    case "/.well-known/caldav redirects there" -> server.wellKnownTarget = there + "/remote.php/dav/";
                    case "the principal is there" -> server.principalHref = there + "/remote.php/dav/principals/users/alice/";
                    case "the calendar home is there" -> server.homeHref = there + "/remote.php/dav/calendars/alice/";
                    case "a calendar is there" -> server.calendarBase = there + "/remote.php/dav/calendars/alice/";
                    default -> settings = new CalDavSettings(settings.serverUrl(), "alice", Secret.of(TestCalDavServer.PASSWORD),
                            there + "/remote.php/dav/calendars/alice/personal/", "Personal");
                }

                // WHEN the account is checked
                CheckResult result = davs.check(settings);

                // THEN nothing is connected, the reply names the other server and what to do, and that server received
                // no request with the password (at most the redirected one, without it)
                assertThat(elsewhere.seen()).extracting(LocalServer.Seen::authorization).allSatisfy(value -> assertThat(value).isNull());
                assertThat(elsewhere.seen()).hasSizeLessThanOrEqualTo(1);
                assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
                assertThat(result.field()).isEqualTo(CalDavSettings.SERVER_URL);
                assertThat(result.message()).isEqualTo("This account's calendars are on calendars.example.test:" + elsewhere.port()
                        + ", not on the server you entered (http://dav.example.test:" + server.port() + "/...). Plugboard sends"
                        + " your password only to the server you entered: if calendars.example.test:" + elsewhere.port()
                        + " is your calendar provider, enter " + there + " as the server address.");
            }
        }

        @Test
        @DisplayName("XXE: a multistatus with a DOCTYPE and external entities is refused and stays inert")
        void xxe(@TempDir Path dir) throws Exception {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "CANARY-FILE-CONTENT");
            try (LocalServer canary = LocalServer.http().on("/", exchange -> LocalServer.send(exchange, 200, null,
                    "CANARY-HTTP".getBytes(StandardCharsets.UTF_8)))) {
                server.rootAnswer = """
                        <?xml version="1.0" encoding="utf-8"?>
                        <!DOCTYPE d:multistatus [
                          <!ENTITY file SYSTEM "%s">
                          <!ENTITY http SYSTEM "http://127.0.0.1:%d/entity">
                          <!ENTITY %% remote SYSTEM "http://127.0.0.1:%d/dtd"> %%remote;
                        ]>
                        <d:multistatus xmlns:d="DAV:">
                          <d:response><d:href>/remote.php/dav/</d:href>
                            <d:propstat><d:prop>
                              <d:current-user-principal><d:href>/remote.php/dav/principals/&file;&http;/</d:href></d:current-user-principal>
                            </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
                          </d:response>
                        </d:multistatus>""".formatted(secret.toUri(), canary.port(), canary.port());

                CheckResult result = davs.check(account(TestCalDavServer.PASSWORD));

                assertThat(result.status()).isEqualTo(IntegrationStatus.ERROR);
                assertThat(result.message()).endsWith("sent an answer Plugboard does not read: it declares a document type"
                        + " (DOCTYPE), which Plugboard refuses.");
                assertThat(result.message()).doesNotContain("CANARY");
                assertThat(canary.connections).hasValue(0);
                assertThat(server.seen()).extracting(LocalServer.Seen::path).noneMatch(p -> p.contains("CANARY"));
            }
        }
    }
}
