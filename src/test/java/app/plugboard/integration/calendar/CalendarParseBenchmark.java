package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Parse and expand a ~1 MB feed of ~1,800 events, side by side with a bare ical4j parse of the same bytes
 * (README, "Performance"). Not part of {@code verify} (the name is outside Surefire's default includes):
 * run it with {@code bench/calendar.sh}.
 */
@DisplayName("Benchmark: parse and expand a 1 MB feed against a bare ical4j parse")
class CalendarParseBenchmark {

    static final int EVENTS = 1_800;
    static final int ROUNDS = 31;
    static final int WARM_UP = 20;
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void benchmark() throws Exception {
        byte[] feed = feed();
        IcsReader reader = new IcsReader();
        for (int i = 0; i < WARM_UP; i++) {
            bare(feed);
            ours(reader, feed);
        }
        long[] bare = new long[ROUNDS];
        long[] ours = new long[ROUNDS];
        int occurrences = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            bare(feed);
            bare[i] = System.nanoTime() - started;
            started = System.nanoTime();
            occurrences = ours(reader, feed);
            ours[i] = System.nanoTime() - started;
        }
        Duration bareMedian = Duration.ofNanos(median(bare));
        Duration oursMedian = Duration.ofNanos(median(ours));
        double ratio = (double) oursMedian.toNanos() / bareMedian.toNanos();
        System.out.printf("%nCalendar benchmark: %,d bytes, %,d events, %,d occurrences in the coming year%n"
                        + "  bare ical4j parse          median %5d ms (min %d ms)%n"
                        + "  Plugboard parse + expand   median %5d ms (min %d ms)%n"
                        + "  ratio %.2f (target: under 1 s and within 1.5x)%n%n",
                feed.length, EVENTS, occurrences, bareMedian.toMillis(), Arrays.stream(bare).min().orElse(0) / 1_000_000,
                oursMedian.toMillis(), Arrays.stream(ours).min().orElse(0) / 1_000_000, ratio);
        assertThat(oursMedian).isLessThan(Duration.ofSeconds(1));
        assertThat(ratio).isLessThan(1.5);
    }

    static Calendar bare(byte[] feed) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(feed));
    }

    static int ours(IcsReader reader, byte[] feed) throws Exception {
        try (IcsCalendar calendar = reader.read(feed)) {
            return calendar.expand(NOW, NOW.plus(Duration.ofDays(366)), ZoneOffset.UTC).events().size();
        }
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A Google-shaped export: Europe/Berlin, single events, weekly series with EXDATE, moved occurrences, all-day days. */
    static byte[] feed() {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd");
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
                "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Benchmark", "X-WR-TIMEZONE:Europe/Berlin",
                "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
                "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"));
        LocalDateTime base = LocalDateTime.of(2025, 1, 6, 8, 0);
        for (int i = 0; i < EVENTS; i++) {
            LocalDateTime start = base.plusHours(i * 7L);
            lines.add("BEGIN:VEVENT");
            if (i % 10 == 9) {
                lines.add("DTSTART;VALUE=DATE:" + day.format(start));
                lines.add("DTEND;VALUE=DATE:" + day.format(start.plusDays(1)));
            } else {
                lines.add("DTSTART;TZID=Europe/Berlin:" + local.format(start));
                lines.add("DTEND;TZID=Europe/Berlin:" + local.format(start.plusMinutes(45)));
            }
            if (i % 12 == 0) {
                lines.add("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR" + (i % 24 == 0 ? ";UNTIL=20271231T230000Z" : ""));
                lines.add("EXDATE;TZID=Europe/Berlin:" + local.format(start.plusWeeks(2)));
            }
            lines.add("DTSTAMP:20261125T101500Z");
            lines.add("UID:event-" + i + "-x7k2m9q4w1e8r5t3y6u0@google.com");
            lines.add("CREATED:20241201T120000Z");
            lines.add("DESCRIPTION:Besprechung " + i + " – Tagesordnung: Rückblick\\, Planung\\, Verschiedenes. Bitte die Unterlagen"
                    + " vorher lesen und Fragen im Dokument sammeln. Räume und Zugänge stehen im Wiki.");
            lines.add("LAST-MODIFIED:20261125T101500Z");
            lines.add("LOCATION:Raum " + (i % 40) + "\\, Hauptstraße 1\\, 10115 Berlin");
            lines.add("SEQUENCE:0");
            lines.add("STATUS:CONFIRMED");
            lines.add("SUMMARY:Termin Nummer " + i + " 📅");
            lines.add("TRANSP:OPAQUE");
            lines.add("END:VEVENT");
            if (i % 12 == 0) {
                LocalDateTime moved = start.plusWeeks(100);
                lines.add("BEGIN:VEVENT");
                lines.add("DTSTART;TZID=Europe/Berlin:" + local.format(moved.plusHours(3)));
                lines.add("DTEND;TZID=Europe/Berlin:" + local.format(moved.plusHours(4)));
                lines.add("RECURRENCE-ID;TZID=Europe/Berlin:" + local.format(moved));
                lines.add("DTSTAMP:20261125T101500Z");
                lines.add("UID:event-" + i + "-x7k2m9q4w1e8r5t3y6u0@google.com");
                lines.add("SUMMARY:Termin Nummer " + i + " (verschoben)");
                lines.add("END:VEVENT");
            }
        }
        lines.add("END:VCALENDAR");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            // fold at 75 octets like the exporters do
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= 75) {
                text.append(line).append("\r\n");
                continue;
            }
            int width = 0;
            StringBuilder current = new StringBuilder();
            for (int offset = 0; offset < line.length(); ) {
                int codePoint = line.codePointAt(offset);
                String character = new String(Character.toChars(codePoint));
                int size = character.getBytes(StandardCharsets.UTF_8).length;
                if (width + size > 74) {
                    text.append(current).append("\r\n ");
                    current.setLength(0);
                    width = 0;
                }
                current.append(character);
                width += size;
                offset += Character.charCount(codePoint);
            }
            text.append(current).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
