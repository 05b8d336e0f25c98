package app.plugboard.integration.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import net.fortuna.ical4j.model.Calendar;

/**
 * Reads iCalendar data as real-world servers write it. ical4j is configured for that in
 * {@code ical4j.properties} (relaxed unfolding, parsing and validation, Outlook compatibility: folds with a
 * tab, quoted TZIDs, unknown time zone names, odd property values), and a property that still cannot be
 * read is dropped rather than failing the whole file. What is not iCalendar at all is named in a few words
 * (an HTML sign-in page, binary data, a cut-off file) without quoting the content.
 */
public final class IcsReader {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SNIFF = 1024;

    private final ExpansionCaps caps;

    public IcsReader() {
        this(ExpansionCaps.defaults());
    }

    public IcsReader(ExpansionCaps caps) {
        this.caps = caps;
    }

    public IcsCalendar read(byte[] bytes) throws NotACalendarException {
        return read(bytes, StandardCharsets.UTF_8);
    }

    /** @param charset what the server declared; iCalendar is UTF-8 unless it says otherwise */
    public IcsCalendar read(byte[] bytes, Charset charset) throws NotACalendarException {
        BoundedTimeZoneRegistry zones = new BoundedTimeZoneRegistry();
        try {
            return new IcsCalendar(parse(bytes, charset, zones), zones, caps, 0);
        } catch (NotACalendarException e) {
            zones.release();
            throw e;
        }
    }

    /**
     * Many small iCalendar objects as one calendar (the events of a CalDAV calendar, one object each); the
     * parts that cannot be read are left out and counted.
     */
    public IcsCalendar readAll(List<byte[]> parts) {
        BoundedTimeZoneRegistry zones = new BoundedTimeZoneRegistry();
        List<Calendar> calendars = new ArrayList<>();
        int skipped = 0;
        for (byte[] part : parts) {
            try {
                calendars.addAll(parse(part, StandardCharsets.UTF_8, zones));
            } catch (NotACalendarException e) {
                skipped++;
            }
        }
        return new IcsCalendar(calendars, zones, caps, skipped);
    }

    /**
     * Every VCALENDAR object of the stream (RFC 5545 section 3.4: one or more), in order. ical4j's parser reads
     * them all, but its {@code CalendarBuilder} keeps only the last: its content handler is given a consumer
     * that keeps each. All share one time zone registry, so each object's VTIMEZONEs serve its events.
     */
    private static List<Calendar> parse(byte[] bytes, Charset charset, BoundedTimeZoneRegistry zones)
            throws NotACalendarException {
        int start = startOfText(bytes);
        sniff(bytes, start);
        List<Calendar> calendars = new ArrayList<>(1);
        DefaultContentHandler handler = new DefaultContentHandler(calendars::add, zones,
                new ContentHandlerContext().withSuppressInvalidProperties(true));
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), charset)) {
            new CalendarParserImpl().parse(new UnfoldingReader(reader, true), handler);
        } catch (ParserException e) {
            throw new NotACalendarException(e.getLineNo() > 0
                    ? "line " + e.getLineNo() + " could not be read" : "it could not be read as iCalendar");
        } catch (IOException e) {
            throw new NotACalendarException("it could not be read as text");
        } catch (RuntimeException e) {
            // ical4j signals some broken values with unchecked exceptions
            throw new NotACalendarException("a value in it could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (calendars.isEmpty()) {
            throw new NotACalendarException("it holds no VCALENDAR");
        }
        return calendars;
    }

    private static int startOfText(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]) {
            start = 3;
        }
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\t' || bytes[start] == '\r'
                || bytes[start] == '\n')) {
            start++;
        }
        return start;
    }

    private static void sniff(byte[] bytes, int start) throws NotACalendarException {
        if (start >= bytes.length) {
            throw new NotACalendarException("the answer is empty");
        }
        int end = Math.min(bytes.length, start + SNIFF);
        for (int i = start; i < end; i++) {
            if (bytes[i] == 0) {
                throw new NotACalendarException("it is binary data, not text");
            }
        }
        int first = bytes[start] & 0xff;
        if (first == 0x1f || first == 0x89 || first == 0xff || first == 0xfe || startsWith(bytes, start, "%PDF")
                || startsWith(bytes, start, "PK")) {
            throw new NotACalendarException("it is binary data, not text");
        }
        String head = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.startsWith("<")) {
            throw new NotACalendarException(head.contains("<html") || head.contains("<!doctype html")
                    ? "it is a web page (HTML), perhaps a sign-in page; use the calendar's iCal (.ics) address"
                    : "it is XML, not iCalendar");
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            throw new NotACalendarException("it is JSON, not iCalendar");
        }
        if (!head.startsWith("begin:vcalendar")) {
            throw new NotACalendarException("it does not start with BEGIN:VCALENDAR");
        }
        int tail = Math.max(start, bytes.length - 4096);
        String last = new String(bytes, tail, bytes.length - tail, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!last.contains("end:vcalendar")) {
            throw new NotACalendarException("it is cut off before END:VCALENDAR (an incomplete download?)");
        }
    }

    private static boolean startsWith(byte[] bytes, int start, String prefix) {
        if (bytes.length - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
