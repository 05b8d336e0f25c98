package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading iCalendar data and expanding recurrences")
public class CalendarParsingTest {

    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant IN_A_YEAR = NOW.plus(365, ChronoUnit.DAYS);
    final IcsReader reader = new IcsReader();

    public static byte[] resource(String name) {
        try (InputStream in = CalendarParsingTest.class.getResourceAsStream("/calendar/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> firstThree(Expansion expansion) {
        return expansion.events().stream().limit(3).map(e -> e.start() + " " + e.title() + (e.allDay() ? " (all day)" : ""))
                .toList();
    }

    @Test
    @DisplayName("Google: VTIMEZONE, weekly RRULE with EXDATE and a moved occurrence, all-day, folded UTF-8 lines")
    void google() throws Exception {
        try (IcsCalendar calendar = reader.read(resource("google-family.ics"))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            assertThat(calendar.name()).contains("Familie Müller");
            assertThat(calendar.eventCount()).isEqualTo(3);
            assertThat(firstThree(expansion)).containsExactly(
                    "2026-11-30T06:30:00Z Schwimmen 🏊",
                    "2026-12-01T00:00:00Z Omas Geburtstag 🎂 (all day)",
                    "2026-12-07T17:00:00Z Schwimmen 🏊 (abends)");
            // the excluded Wednesday is gone, the next Wednesday is there (in winter time)
            assertThat(expansion.events()).extracting(CalendarEvent::start)
                    .doesNotContain(Instant.parse("2026-12-02T06:30:00Z"), Instant.parse("2026-12-07T06:30:00Z"))
                    .contains(Instant.parse("2026-12-09T06:30:00Z"), Instant.parse("2027-06-02T05:30:00Z"));
            assertThat(expansion.events().get(0).location()).isEqualTo("Hallenbad Süd, Münchner Straße 12, 10115 Berlin, Deutschland");
            assertThat(expansion.events().get(1).end()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
            assertThat(expansion.cutShort()).isFalse();
        }
    }

    @Test
    @DisplayName("a TZID the JDK knows uses the JDK's rules, even when the feed's VTIMEZONE says otherwise; weekly series stay on their weekday")
    void knownTimeZonesUseTheJdksRules() throws Exception {
        // GIVEN a feed whose VTIMEZONE for Europe/Berlin is wrong (+05:00 all year), and a weekly series from 2020
        String feed = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "TZOFFSETFROM:+0500", "TZOFFSETTO:+0500",
                "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE",
                "BEGIN:VEVENT", "UID:weekly@test", "DTSTAMP:20261101T000000Z", "SUMMARY:Chor",
                "DTSTART;TZID=Europe/Berlin:20200106T190000", "DTEND;TZID=Europe/Berlin:20200106T203000",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "END:VEVENT", "END:VCALENDAR", "");

        try (IcsCalendar calendar = reader.read(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            // THEN the times follow Berlin's real rules (+01:00 in winter, +02:00 in summer), not the feed's +05:00,
            // and the series keeps its fortnightly Monday and Thursday across six years of stepping
            List<Instant> starts = expansion.events().stream().map(CalendarEvent::start).toList();
            assertThat(starts).contains(Instant.parse("2026-11-30T18:00:00Z"), Instant.parse("2026-12-03T18:00:00Z"),
                    Instant.parse("2026-12-14T18:00:00Z"), Instant.parse("2027-05-31T17:00:00Z"))
                    .doesNotContain(Instant.parse("2026-12-07T18:00:00Z"), Instant.parse("2027-06-07T17:00:00Z"));
            assertThat(starts).allSatisfy(start -> assertThat(start.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek())
                    .isIn(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY));
        }
    }

    @Test
    @DisplayName("Outlook/Exchange: a quoted Windows time zone name with commas, UNTIL, EXDATE, a moved occurrence")
    void outlook() throws Exception {
        try (IcsCalendar calendar = reader.read(resource("outlook-exchange.ics"))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            assertThat(calendar.name()).contains("Kalender");
            assertThat(calendar.eventCount()).isEqualTo(2);
            assertThat(firstThree(expansion)).containsExactly(
                    "2026-12-01T09:00:00Z Team-Jour-fixe",
                    "2026-12-15T13:00:00Z Team-Jour-fixe (verschoben)",
                    "2026-12-22T09:00:00Z Team-Jour-fixe");
            assertThat(expansion.events()).filteredOn(e -> e.title().equals("Weihnachtsurlaub")).singleElement()
                    .satisfies(e -> assertThat(Duration.between(e.start(), e.end())).isEqualTo(Duration.ofDays(3)));
            // UNTIL ends the series on the last Tuesday of March 2027 (summer time from the 28th)
            assertThat(expansion.events()).filteredOn(e -> e.title().startsWith("Team")).last()
                    .extracting(CalendarEvent::start).isEqualTo(Instant.parse("2027-03-30T08:00:00Z"));
        }
    }

    @Test
    @DisplayName("Apple: monthly BYDAY=1TH with COUNT and EXDATE, a moved occurrence, long folded X-APPLE lines")
    void apple() throws Exception {
        try (IcsCalendar calendar = reader.read(resource("apple-icloud.ics"))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            assertThat(calendar.name()).contains("Orchester 🎻");
            assertThat(calendar.eventCount()).isEqualTo(3);
            assertThat(firstThree(expansion)).containsExactly(
                    "2026-12-01T00:00:00Z Stimmprobe Geigen",
                    "2026-12-05T00:00:00Z Weihnachtskonzert (all day)",
                    "2027-01-08T23:30:00Z Orchesterprobe – Freitag ausnahmsweise");
            // COUNT=12 from October 2026: the last is September 2027 (summer time in New York)
            assertThat(expansion.events()).filteredOn(e -> e.title().equals("Orchesterprobe – Saal B")).last()
                    .extracting(CalendarEvent::start).isEqualTo(Instant.parse("2027-09-02T22:30:00Z"));
            assertThat(expansion.events()).filteredOn(e -> e.title().startsWith("Orchesterprobe")).hasSize(9);
        }
    }

    @Test
    @DisplayName("Evolution: a /freeassociation.sourceforge.net/ TZID, DAILY;INTERVAL=2;COUNT with EXDATE, no calendar name")
    void evolution() throws Exception {
        try (IcsCalendar calendar = reader.read(resource("evolution-work.ics"))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            assertThat(calendar.name()).isEmpty();
            assertThat(calendar.eventCount()).isEqualTo(2);
            assertThat(firstThree(expansion)).containsExactly(
                    "2026-11-30T08:00:00Z Café avec l'équipe ☕",
                    "2026-12-04T08:00:00Z Café avec l'équipe ☕",
                    "2026-12-05T00:00:00Z Marché de Noël (all day)");
        }
    }

    @Test
    @DisplayName("all-day events and floating times are read in the zone asked for")
    void zone() throws Exception {
        try (IcsCalendar calendar = reader.read(resource("google-family.ics"))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneId.of("Europe/Berlin"));

            assertThat(expansion.events()).filteredOn(CalendarEvent::allDay).first()
                    .extracting(CalendarEvent::start).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty                 |   \\r\\n                                   | the answer is empty",
            "HTML                  | <!DOCTYPE html><html><body>Sign in</body></html> | it is a web page (HTML)",
            "JSON                  | {\"events\": []}                         | it is JSON, not iCalendar",
            "not iCalendar         | hello world                              | it does not start with BEGIN:VCALENDAR",
            "vCard                 | BEGIN:VCARD\\r\\nFN:Alice\\r\\nEND:VCARD\\r\\n | it does not start with BEGIN:VCALENDAR",
            "truncated             | BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:cut | it is cut off before END:VCALENDAR",
            "malformed             | BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nthis line has no colon\\r\\nEND:VEVENT\\r\\nEND:VCALENDAR\\r\\n | line "})
    @DisplayName("what is not iCalendar says so in a few words")
    void notACalendar(String what, String body, String reason) {
        byte[] bytes = body.strip().replace("\\r\\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(bytes)).isInstanceOf(NotACalendarException.class)
                .hasMessageStartingWith("not a calendar: " + reason);
    }

    @Test
    @DisplayName("a stream of several VCALENDAR objects (RFC 5545 3.4) is one calendar: all their events, each object's time zones")
    void severalObjects() throws Exception {
        // GIVEN three exports one after the other, each with its own VTIMEZONE
        byte[] stream = concat(resource("google-family.ics"), resource("evolution-work.ics"), resource("outlook-exchange.ics"));

        // WHEN it is read
        try (IcsCalendar calendar = reader.read(stream)) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            // THEN every object's events are there, times read in the zones their own object defines
            assertThat(calendar.name()).contains("Familie Müller");
            assertThat(calendar.eventCount()).isEqualTo(3 + 2 + 2);
            assertThat(expansion.events()).extracting(e -> e.start() + " " + e.title()).contains(
                    "2026-11-30T06:30:00Z Schwimmen 🏊",
                    "2026-11-30T08:00:00Z Café avec l'équipe ☕",
                    "2026-12-01T09:00:00Z Team-Jour-fixe");
        }
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    @DisplayName("binary data is refused before parsing")
    void binary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};

        assertThatThrownBy(() -> reader.read(png)).hasMessage("not a calendar: it is binary data, not text");
    }

    @Test
    @Timeout(20)
    @DisplayName("FREQ=SECONDLY without an end since 1900, and a rule asking for every second of a year: capped, quickly")
    void recurrenceBombs() throws Exception {
        String ics = String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
                "BEGIN:VEVENT", "UID:every-second", "DTSTART:19000101T000000Z", "RRULE:FREQ=SECONDLY", "SUMMARY:Tick", "END:VEVENT",
                "BEGIN:VEVENT", "UID:every-second-counted", "DTSTART:19000101T000000Z", "RRULE:FREQ=SECONDLY;COUNT=2000000000",
                "SUMMARY:Tock", "END:VEVENT",
                "BEGIN:VEVENT", "UID:all-at-once", "DTSTART:20260101T000000Z",
                "RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;"
                        + "BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,"
                        + "41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59",
                "SUMMARY:Boom", "END:VEVENT",
                "BEGIN:VEVENT", "UID:normal", "DTSTART:20261201T100000Z", "SUMMARY:Still here", "END:VEVENT",
                "END:VCALENDAR", "");
        long started = System.nanoTime();

        try (IcsCalendar calendar = reader.read(ics.getBytes(StandardCharsets.UTF_8))) {
            Expansion expansion = calendar.expand(NOW, IN_A_YEAR, ZoneOffset.UTC);

            assertThat(expansion.cutShort()).isTrue();
            assertThat(expansion.events()).filteredOn(e -> e.title().equals("Tick")).hasSize(1_000)
                    .first().extracting(CalendarEvent::start).isEqualTo(NOW);
            assertThat(expansion.events()).filteredOn(e -> e.title().equals("Boom")).isEmpty();
            assertThat(expansion.events()).extracting(CalendarEvent::title).contains("Still here");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
