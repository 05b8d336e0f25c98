package app.plugboard.integration.calendar;

import app.plugboard.chat.PlainText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a successful check shows: the calendar's name, how many events, and the next three in local time. The
 * name and the titles come from whoever publishes the calendar: shown as plain text ({@link PlainText#escaped}).
 */
final class Preview {

    static final int NEXT = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Preview() {
    }

    static String of(String name, int events, String countWhat, Expansion upcoming, ZoneId zone) {
        StringBuilder text = new StringBuilder(PlainText.escaped(IcsCalendar.clean(name, 100))).append(": ")
                .append(events).append(events == 1 ? " event" : " events").append(countWhat);
        List<CalendarEvent> next = upcoming.events().stream().limit(NEXT).toList();
        if (next.isEmpty()) {
            text.append(", none coming up in the next year.");
        } else {
            text.append(". Next:\n").append(next.stream().map(event -> "• " + when(event, zone) + " — "
                    + PlainText.escaped(IcsCalendar.clean(event.title(), 80))).collect(Collectors.joining("\n")));
            text.append("\n(times in ").append(zone.getId().equals("Z") ? "UTC" : zone.getId()).append(")");
        }
        if (upcoming.cutShort()) {
            text.append("\nSome repeating events were shortened to stay within Plugboard's limits.");
        }
        return text.toString();
    }

    static String when(CalendarEvent event, ZoneId zone) {
        if (event.allDay()) {
            return DAY.format(event.start().atZone(zone)) + ", all day";
        }
        return DAY.format(event.start().atZone(zone)) + ", " + TIME.format(event.start().atZone(zone));
    }
}
