package app.plugboard.integration.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import org.jspecify.annotations.Nullable;

/**
 * Daily and weekly rules without COUNT whose only part is a plain BYDAY (the series of real feeds:
 * "every weekday", "every other Tuesday and Thursday"): their dates worked out directly, in order.
 * ical4j's {@link Recur} builds and filters candidate sets step by step for every rule, which was
 * most of an expansion's time. The same answers as {@code Recur.getDatesAsStream(seed, start, end, -1)},
 * which {@code SimpleRuleTest} checks against it, except for a time of day that a daylight saving change
 * makes happen twice: ical4j picks either offset depending on how it got there; this is always the first,
 * as RFC 5545 says. Every other rule goes to ical4j.
 */
final class SimpleRule {

    private final ChronoUnit frequency;
    private final long interval;
    private final TreeSet<DayOfWeek> days;
    private final DayOfWeek weekStart;
    private final @Nullable Temporal until;

    private SimpleRule(ChronoUnit frequency, long interval, TreeSet<DayOfWeek> days, DayOfWeek weekStart,
            @Nullable Temporal until) {
        this.frequency = frequency;
        this.interval = interval;
        this.days = days;
        this.weekStart = weekStart;
        this.until = until;
    }

    /** The rule, when it is one of the simple ones for this kind of start; empty for ical4j to handle. */
    static Optional<SimpleRule> of(Recur<Temporal> recur, Temporal seed) {
        ChronoUnit frequency = switch (recur.getFrequency()) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            default -> null;
        };
        boolean onlyByDay = recur.getMonthList().isEmpty() && recur.getWeekNoList().isEmpty()
                && recur.getYearDayList().isEmpty() && recur.getMonthDayList().isEmpty() && recur.getHourList().isEmpty()
                && recur.getMinuteList().isEmpty() && recur.getSecondList().isEmpty() && recur.getSetPosList().isEmpty();
        if (frequency == null || recur.getCount() > 0 || !onlyByDay || !supported(seed)
                || !comparable(recur.getUntil(), seed)) {
            return Optional.empty();
        }
        TreeSet<DayOfWeek> days = new TreeSet<>();
        for (WeekDay day : recur.getDayList()) {
            if (day.getOffset() != 0) {
                return Optional.empty();
            }
            days.add(WeekDay.getDayOfWeek(day));
        }
        if (days.isEmpty() && frequency == ChronoUnit.WEEKS) {
            days.add(date(seed).getDayOfWeek());
        }
        DayOfWeek weekStart = recur.getWeekStartDay() == null ? DayOfWeek.MONDAY : WeekDay.getDayOfWeek(recur.getWeekStartDay());
        return Optional.of(new SimpleRule(frequency, Math.max(1, recur.getInterval()), days, weekStart, recur.getUntil()));
    }

    /**
     * The dates from {@code seed} on (whole intervals from DTSTART, so a rebased seed keeps the
     * series' rhythm) that lie within {@code [periodStart, periodEnd]} and not after UNTIL.
     */
    Iterator<Temporal> dates(Temporal seed, Temporal periodStart, Temporal periodEnd) {
        LocalDate first = date(seed);
        List<DayOfWeek> order = days.stream()
                .sorted(Comparator.comparingInt(day -> Math.floorMod(day.getValue() - weekStart.getValue(), 7)))
                .toList();
        return new Iterator<>() {
            // weekly: the week (from WKST) of the seed; daily: the seed's day
            LocalDate period = frequency == ChronoUnit.WEEKS ? first.with(TemporalAdjusters.previousOrSame(weekStart)) : first;
            int index;
            @Nullable Temporal next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Temporal next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Temporal current = next;
                next = advance();
                return current;
            }

            private @Nullable Temporal advance() {
                while (true) {
                    LocalDate day;
                    if (frequency == ChronoUnit.WEEKS) {
                        if (index == order.size()) {
                            index = 0;
                            period = period.plusWeeks(interval);
                        }
                        day = period.with(TemporalAdjusters.nextOrSame(order.get(index++)));
                    } else {
                        day = period;
                        period = period.plusDays(interval);
                        if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
                            continue;
                        }
                    }
                    if (day.isBefore(first)) {
                        continue;
                    }
                    Temporal candidate = onDay(seed, day);
                    if (after(candidate, periodEnd) || (until != null && after(candidate, until))) {
                        return null;
                    }
                    if (!before(candidate, periodStart)) {
                        return candidate;
                    }
                }
            }
        };
    }

    /**
     * The seed's time of day on another day. A time that a daylight saving change skips moves forward
     * by the gap; one that happens twice is the first of the two (RFC 5545, 3.3.5).
     */
    private static Temporal onDay(Temporal seed, LocalDate day) {
        if (seed instanceof LocalDate) {
            return day;
        }
        if (seed instanceof LocalDateTime local) {
            return LocalDateTime.of(day, local.toLocalTime());
        }
        if (seed instanceof ZonedDateTime zoned) {
            return ZonedDateTime.of(day, zoned.toLocalTime(), zoned.getZone());
        }
        OffsetDateTime offset = (OffsetDateTime) seed;
        return OffsetDateTime.of(day, offset.toLocalTime(), offset.getOffset());
    }

    private static boolean supported(Temporal seed) {
        return seed instanceof LocalDate || seed instanceof LocalDateTime || seed instanceof ZonedDateTime
                || seed instanceof OffsetDateTime;
    }

    /** UNTIL and the dates can be compared without guessing a zone: both dates, both floating, or both absolute. */
    private static boolean comparable(@Nullable Temporal until, Temporal seed) {
        if (until == null) {
            return true;
        }
        if (seed instanceof LocalDate) {
            return until instanceof LocalDate;
        }
        if (seed instanceof LocalDateTime) {
            return until instanceof LocalDateTime;
        }
        return until instanceof Instant || until instanceof ZonedDateTime || until instanceof OffsetDateTime;
    }

    private static LocalDate date(Temporal temporal) {
        if (temporal instanceof LocalDate day) {
            return day;
        }
        if (temporal instanceof LocalDateTime local) {
            return local.toLocalDate();
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toLocalDate();
        }
        return ((OffsetDateTime) temporal).toLocalDate();
    }

    private static boolean before(Temporal a, Temporal b) {
        return compare(a, b) < 0;
    }

    private static boolean after(Temporal a, Temporal b) {
        return compare(a, b) > 0;
    }

    /** Dates with dates, floating times with floating times, else instants: {@link #of} never mixes them. */
    private static int compare(Temporal a, Temporal b) {
        if (a instanceof LocalDate first && b instanceof LocalDate second) {
            return first.compareTo(second);
        }
        if (a instanceof LocalDateTime first && b instanceof LocalDateTime second) {
            return first.compareTo(second);
        }
        return instantOf(a).compareTo(instantOf(b));
    }

    private static Instant instantOf(Temporal temporal) {
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return ((OffsetDateTime) temporal).toInstant();
    }
}
