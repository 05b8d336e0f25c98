package app.plugboard.integration.calendar;

import app.plugboard.chat.PlainText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.jspecify.annotations.Nullable;

/**
 * Parsed iCalendar data (one feed, or the events of a CalDAV calendar) and the expansion of its events for a
 * time range: RRULE, RDATE, EXDATE, RECURRENCE-ID overrides (moved, changed or cancelled occurrences),
 * VTIMEZONE definitions, floating times and all-day dates, within {@link ExpansionCaps}.
 *
 * <p>The expansion is our own loop around ical4j's {@link Recur}: ical4j's own
 * {@code VEvent.calculateRecurrenceSet} collects every date of the range with no upper bound, so a rule
 * repeating every second would fill the memory. Here each rule is stepped one candidate date at a time and
 * stops at the caps; a sub-daily rule without COUNT is started near the range rather than at its DTSTART
 * (ical4j's own skip-ahead overflows for a rule that repeats every second since 1900).
 *
 * <p>Close it when done: it gives ical4j's JVM-wide time zone ids back at once.
 */
public final class IcsCalendar implements AutoCloseable {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]+");

    private final List<Calendar> calendars;
    private final BoundedTimeZoneRegistry zones;
    private final ExpansionCaps caps;
    private final int skipped;

    IcsCalendar(List<Calendar> calendars, BoundedTimeZoneRegistry zones, ExpansionCaps caps, int skipped) {
        this.calendars = List.copyOf(calendars);
        this.zones = zones;
        this.caps = caps;
        this.skipped = skipped;
    }

    /** The calendar's own name (X-WR-CALNAME, or NAME), if it has one. */
    public Optional<String> name() {
        for (Calendar calendar : calendars) {
            for (String property : List.of("X-WR-CALNAME", "NAME")) {
                Optional<Property> name = calendar.getProperty(property);
                if (name.isPresent() && !name.get().getValue().isBlank()) {
                    return Optional.of(clean(name.get().getValue(), 100));
                }
            }
        }
        return Optional.empty();
    }

    /** How many events it holds: a series counts once, its changed occurrences not at all. */
    public int eventCount() {
        Set<String> series = new HashSet<>();
        int withoutUid = 0;
        for (VEvent event : events()) {
            Optional<Property> uid = event.getProperty(Property.UID);
            if (uid.isEmpty()) {
                withoutUid++;
            } else {
                series.add(uid.get().getValue());
            }
        }
        return series.size() + withoutUid;
    }

    /** Parts of CalDAV data that could not be read and were left out. */
    public int skippedParts() {
        return skipped;
    }

    /**
     * The occurrences that overlap {@code [from, to)}, sorted by start.
     *
     * @param zone where floating times and all-day dates are read
     */
    public Expansion expand(Instant from, Instant to, ZoneId zone) {
        if (!from.isBefore(to)) {
            return new Expansion(List.of(), false);
        }
        Run run = new Run(from, to, zone, caps);
        Map<String, List<VEvent>> series = new LinkedHashMap<>();
        int anonymous = 0;
        for (VEvent event : events()) {
            Optional<String> uid = event.getProperty(Property.UID).map(Property::getValue);
            series.computeIfAbsent(uid.isPresent() ? uid.get() : "\u0000" + anonymous++, key -> new ArrayList<>()).add(event);
        }
        for (Map.Entry<String, List<VEvent>> entry : series.entrySet()) {
            if (run.full()) {
                run.cut = true;
                break;
            }
            try {
                run.series(entry.getKey().startsWith("\u0000") ? "" : entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                // an event ical4j cannot compute (a date out of range, a rule it rejects): left out
                run.cut = true;
            }
        }
        run.found.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::title));
        return new Expansion(run.found, run.cut);
    }

    private List<VEvent> events() {
        List<VEvent> events = new ArrayList<>();
        for (Calendar calendar : calendars) {
            events.addAll(calendar.getComponents(Component.VEVENT));
        }
        return events;
    }

    @Override
    public void close() {
        zones.release();
    }

    /** One expansion: the range, the caps and what was found so far. */
    private static final class Run {
        final Instant from;
        final Instant to;
        final ZoneId zone;
        final ExpansionCaps caps;
        final long deadline;
        final List<CalendarEvent> found = new ArrayList<>();
        /** Title and location per event component, read once however many occurrences it has. */
        final Map<VEvent, String[]> texts = new java.util.IdentityHashMap<>();
        long steps;
        boolean cut;

        Run(Instant from, Instant to, ZoneId zone, ExpansionCaps caps) {
            this.from = from;
            this.to = to;
            this.zone = zone;
            this.caps = caps;
            this.deadline = System.nanoTime() + caps.budget().toNanos();
        }

        boolean full() {
            return found.size() >= caps.total() || steps >= caps.totalSteps() || System.nanoTime() > deadline;
        }

        void series(String uid, List<VEvent> events) {
            VEvent master = null;
            Map<Object, VEvent> overrides = new HashMap<>();
            List<VEvent> orphans = new ArrayList<>();
            for (VEvent event : events) {
                Optional<DateProperty<Temporal>> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
                if (recurrenceId.isPresent() && recurrenceId.get().getDate() != null) {
                    overrides.put(key(recurrenceId.get().getDate()), event);
                    orphans.add(event);
                } else if (master == null) {
                    master = event;
                }
            }
            if (master != null && cancelled(master)) {
                return;
            }
            int kept = 0;
            if (master != null) {
                kept = master(uid, master, overrides);
            }
            // changed occurrences: their own times; cancelled ones are gone
            for (VEvent override : orphans) {
                if (!cancelled(override) && kept < caps.perSeries()) {
                    Temporal start = start(override);
                    if (start != null && add(uid, override, start, instant(start), length(override, start), true)) {
                        kept++;
                    }
                }
            }
        }

        /** The master's occurrences, except the excluded and the overridden ones; how many were kept. */
        private int master(String uid, VEvent master, Map<Object, VEvent> overrides) {
            Temporal seed = start(master);
            if (seed == null) {
                return 0;
            }
            TemporalAmount length = length(master, seed);
            Set<Object> excluded = new HashSet<>(overrides.keySet());
            for (Property property : master.getProperties(Property.EXDATE)) {
                for (Object date : ((DateListProperty<?>) property).getDates()) {
                    excluded.add(key((Temporal) date));
                }
            }
            List<RRule<Temporal>> rules = master.getProperties(Property.RRULE);
            List<Property> rdates = master.getProperties(Property.RDATE);
            boolean recurring = !rules.isEmpty() || !rdates.isEmpty();
            Set<Object> seen = new HashSet<>();
            int kept = 0;
            List<Temporal> starts = new ArrayList<>();
            starts.add(seed);
            for (Property property : rdates) {
                for (Object date : ((DateListProperty<?>) property).getDates()) {
                    starts.add((Temporal) date);
                }
            }
            for (Temporal start : starts) {
                if (kept >= caps.perSeries()) {
                    cut = true;
                    return kept;
                }
                Instant at = instant(start);
                Object key = start instanceof LocalDate ? start : at;
                if (seen.add(key) && !excluded.contains(key) && add(uid, master, start, at, length, recurring)) {
                    kept++;
                }
            }
            for (RRule<Temporal> rule : rules) {
                kept = rule(uid, master, rule.getRecur(), seed, length, excluded, seen, kept);
            }
            return kept;
        }

        private int rule(String uid, VEvent master, Recur<Temporal> recur, Temporal seed, TemporalAmount length,
                Set<Object> excluded, Set<Object> seen, int keptBefore) {
            if (candidatesPerStep(recur) > caps.maxCandidates()) {
                cut = true;
                return keptBefore;
            }
            // occurrences that started before the range but still run into it count too
            Instant windowStart = instant(seed.plus(length)).isAfter(instant(seed))
                    ? from.minus(Duration.between(instant(seed), instant(seed.plus(length)))) : from;
            Temporal periodStart = sameKind(windowStart, seed);
            Temporal periodEnd = sameKind(to, seed);
            Temporal start = rebase(recur, seed, windowStart);
            Spliterator<Temporal> dates = SimpleRule.of(recur, seed)
                    .map(simple -> Spliterators.spliteratorUnknownSize(simple.dates(start, periodStart, periodEnd), 0))
                    .orElseGet(() -> recur.getDatesAsStream(start, periodStart, periodEnd, -1).spliterator());
            int kept = keptBefore;
            long seriesSteps = 0;
            List<Temporal> batch = new ArrayList<>(1);
            while (true) {
                if (seriesSteps++ >= caps.stepsPerSeries() || full()) {
                    cut = true;
                    return kept;
                }
                steps++;
                batch.clear();
                if (!dates.tryAdvance(batch::add)) {
                    return kept;
                }
                for (Temporal date : batch) {
                    Instant at = instant(date);
                    Object key = date instanceof LocalDate ? date : at;
                    if (seen.add(key) && !excluded.contains(key) && add(uid, master, date, at, length, true)) {
                        kept++;
                        if (kept >= caps.perSeries()) {
                            cut = true;
                            return kept;
                        }
                    }
                }
            }
        }

        /**
         * For a rule without COUNT, a start near the range instead of DTSTART: the same dates (each is
         * DTSTART plus whole intervals), without stepping from long ago. Every second, minute or hour: by
         * exact seconds. Daily and weekly: by whole days or weeks of local time, so the rule keeps its
         * weekday and its wall-clock time across daylight saving changes; a week keeps its place too. The
         * new start stays at least one interval before the range, so nothing the range needs is skipped.
         * (Monthly and yearly rules step from DTSTART: months differ in length.)
         */
        private Temporal rebase(Recur<Temporal> recur, Temporal seed, Instant windowStart) {
            if (recur.getCount() > 0) {
                return seed;
            }
            long interval = Math.max(1, recur.getInterval());
            ChronoUnit calendarUnit = switch (recur.getFrequency()) {
                case DAILY -> ChronoUnit.DAYS;
                case WEEKLY -> ChronoUnit.WEEKS;
                default -> null;
            };
            if (calendarUnit != null) {
                LocalDate seedDay = seed instanceof LocalDate day ? day : LocalDate.ofInstant(instant(seed), zone);
                long whole = calendarUnit.between(seedDay, LocalDate.ofInstant(windowStart, zone)) / interval - 1;
                return whole < 2 ? seed : seed.plus(Math.multiplyExact(whole, interval), calendarUnit);
            }
            ChronoUnit unit = switch (recur.getFrequency()) {
                case SECONDLY -> ChronoUnit.SECONDS;
                case MINUTELY -> ChronoUnit.MINUTES;
                case HOURLY -> ChronoUnit.HOURS;
                default -> null;
            };
            if (unit == null || seed instanceof LocalDate) {
                return seed;
            }
            long step = unit.getDuration().getSeconds() * interval;
            long distance = Duration.between(instant(seed), windowStart).getSeconds();
            long whole = distance / step - 1;
            if (whole < 2) {
                return seed;
            }
            return seed.plus(Math.multiplyExact(whole, step), ChronoUnit.SECONDS);
        }

        /**
         * @param startsAt {@code start} as an instant, worked out once by the caller
         * @param length   an exact duration is added to the instant; calendar amounts (all-day) to the date
         */
        private boolean add(String uid, VEvent event, Temporal start, Instant startsAt, TemporalAmount length,
                boolean recurring) {
            Instant endsAt = length instanceof Duration exact && !(start instanceof LocalDate)
                    ? startsAt.plus(exact) : instant(start.plus(length));
            if (endsAt.isBefore(startsAt)) {
                endsAt = startsAt;
            }
            boolean overlaps = startsAt.equals(endsAt)
                    ? !startsAt.isBefore(from) && startsAt.isBefore(to)
                    : startsAt.isBefore(to) && endsAt.isAfter(from);
            if (!overlaps) {
                return false;
            }
            if (found.size() >= caps.total()) {
                cut = true;
                return false;
            }
            String[] text = texts.computeIfAbsent(event, component -> new String[] {
                component.getProperty(Property.SUMMARY).map(Property::getValue)
                        .filter(value -> !value.isBlank()).map(value -> clean(value, 200)).orElse("(no title)"),
                component.getProperty(Property.LOCATION).map(Property::getValue)
                        .filter(value -> !value.isBlank()).map(value -> clean(value, 200)).orElse(null)});
            found.add(new CalendarEvent(uid, text[0], text[1], startsAt, endsAt, start instanceof LocalDate, recurring));
            return true;
        }

        private static @Nullable Temporal start(VEvent event) {
            Optional<DateProperty<Temporal>> start = event.getProperty(Property.DTSTART);
            return start.map(DateProperty::getDate).orElse(null);
        }

        /** DTEND minus DTSTART, or DURATION; a day for an all-day event without either, else nothing. */
        private TemporalAmount length(VEvent event, Temporal start) {
            Optional<DateProperty<Temporal>> end = event.getProperty(Property.DTEND);
            if (end.isPresent() && end.get().getDate() != null) {
                Temporal endDate = end.get().getDate();
                if (start instanceof LocalDate first && endDate instanceof LocalDate last) {
                    return last.isAfter(first) ? Period.between(first, last) : Period.ofDays(1);
                }
                Duration duration = Duration.between(instant(start), instant(endDate));
                return duration.isNegative() ? Duration.ZERO : duration;
            }
            Optional<Property> duration = event.getProperty(Property.DURATION);
            if (duration.isPresent() && duration.get() instanceof net.fortuna.ical4j.model.property.Duration amount) {
                TemporalAmount value = amount.getDuration();
                if (start instanceof LocalDate && value instanceof Duration exact) {
                    return Period.ofDays((int) Math.max(1, exact.toDays()));
                }
                return value;
            }
            return start instanceof LocalDate ? Period.ofDays(1) : Duration.ZERO;
        }

        private static boolean cancelled(VEvent event) {
            return event.getProperty(Property.STATUS).map(Property::getValue)
                    .map(value -> value.equalsIgnoreCase("CANCELLED")).orElse(false);
        }

        /** What identifies one occurrence: its day for all-day events, else its instant. */
        private Object key(Temporal date) {
            return date instanceof LocalDate day ? day : instant(date);
        }

        private Instant instant(Temporal date) {
            if (date instanceof Instant instant) {
                return instant;
            }
            if (date instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (date instanceof OffsetDateTime offset) {
                return offset.toInstant();
            }
            if (date instanceof LocalDateTime local) {
                return local.atZone(zone).toInstant();
            }
            if (date instanceof LocalDate day) {
                return day.atStartOfDay(zone).toInstant();
            }
            return Instant.from(date);
        }

        /** {@code instant} as the same kind of date as {@code like}, so that ical4j can compare them. */
        private Temporal sameKind(Instant instant, Temporal like) {
            if (like instanceof ZonedDateTime zoned) {
                return instant.atZone(zoned.getZone());
            }
            if (like instanceof OffsetDateTime offset) {
                return instant.atOffset(offset.getOffset());
            }
            if (like instanceof LocalDateTime) {
                return LocalDateTime.ofInstant(instant, zone);
            }
            if (like instanceof LocalDate) {
                return LocalDate.ofInstant(instant, zone);
            }
            return instant;
        }

        /** How many dates one step of the rule can produce at most: the product of its BY parts. */
        private static long candidatesPerStep(Recur<Temporal> recur) {
            long product = 1;
            for (List<?> part : List.of(recur.getMonthList(), recur.getWeekNoList(), recur.getYearDayList(),
                    recur.getMonthDayList(), recur.getDayList(), recur.getHourList(), recur.getMinuteList(),
                    recur.getSecondList())) {
                if (!part.isEmpty()) {
                    product = Math.multiplyHigh(product, part.size()) != 0 ? Long.MAX_VALUE : product * part.size();
                }
            }
            if (recur.getFrequency() == Frequency.YEARLY && !recur.getDayList().isEmpty()) {
                product *= 53; // BYDAY=MO in a yearly rule: every Monday of the year
            } else if (recur.getFrequency() == Frequency.MONTHLY && !recur.getDayList().isEmpty()) {
                product *= 5;
            }
            return product;
        }
    }

    /** One line of at most {@code max} characters, without control, format or bidi characters ({@link PlainText#stripped}). */
    static String clean(String text, int max) {
        String one = CONTROL.matcher(PlainText.stripped(text)).replaceAll(" ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    @Override
    public String toString() {
        return "IcsCalendar[" + eventCount() + " events" + (skipped > 0 ? ", " + skipped + " parts skipped" : "") + "]";
    }
}
