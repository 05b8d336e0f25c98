package app.plugboard.integration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SimpleRule} gives exactly what ical4j's {@link Recur} gives, for every rule it takes on. */
@DisplayName("Simple daily and weekly rules, against ical4j's Recur")
class SimpleRuleTest {

    static final List<String> RULES = List.of(
            "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYDAY=MO,WE,FR", "FREQ=DAILY;INTERVAL=2;BYDAY=SA,SU",
            "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,MO;WKST=SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,SA,MO;WKST=WE",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");

    /** Starts of every kind, around daylight saving changes (Berlin's gap on 29 March, New York's overlap on 1 November). */
    static final List<Temporal> SEEDS = List.of(
            ZonedDateTime.of(LocalDateTime.of(2026, 3, 25, 2, 30), ZoneId.of("Europe/Berlin")),
            ZonedDateTime.of(LocalDateTime.of(2026, 10, 28, 1, 30), ZoneId.of("America/New_York")),
            ZonedDateTime.of(LocalDateTime.of(2025, 1, 6, 8, 0), ZoneId.of("Europe/Berlin")),
            LocalDateTime.of(2026, 2, 27, 18, 45),
            LocalDate.of(2026, 2, 28),
            OffsetDateTime.of(LocalDateTime.of(2026, 1, 1, 23, 30), ZoneOffset.UTC));

    static Stream<Arguments> rulesAndSeeds() {
        List<Arguments> cases = new ArrayList<>();
        for (String rule : RULES) {
            for (Temporal seed : SEEDS) {
                cases.add(Arguments.of(rule, seed));
                cases.add(Arguments.of(rule + ";UNTIL=" + until(seed), seed));
            }
        }
        return cases.stream();
    }

    private static String until(Temporal seed) {
        if (seed instanceof LocalDate) {
            return "20260905";
        }
        return seed instanceof LocalDateTime ? "20260905T184500" : "20260905T120000Z";
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("rulesAndSeeds")
    @DisplayName("the same dates as Recur, from DTSTART and from a start near the range")
    void sameAsIcal4j(String rule, Temporal seed) {
        Recur<Temporal> recur = new Recur<>(rule);
        SimpleRule simple = SimpleRule.of(recur, seed).orElseThrow();

        for (int weeksLater : new int[] {0, 2, 40}) {
            Temporal start = seed.plus(weeksLater * (rule.contains("INTERVAL=3") ? 3L : 2L), ChronoUnit.WEEKS);
            Temporal periodStart = start.plus(3, ChronoUnit.DAYS);
            Temporal periodEnd = start.plus(400, ChronoUnit.DAYS);

            List<Temporal> expected = recur.getDatesAsStream(start, periodStart, periodEnd, -1).toList();
            List<Temporal> actual = new ArrayList<>();
            simple.dates(start, periodStart, periodEnd).forEachRemaining(actual::add);

            assertThat(actual).as("%s from %s, %d weeks on", rule, seed, weeksLater).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                if (twice(expected.get(i))) {
                    // a time that happens twice: ical4j picks either offset; the first one is right (RFC 5545)
                    ZonedDateTime ours = (ZonedDateTime) actual.get(i);
                    assertThat(ours.toLocalDateTime()).isEqualTo(((ZonedDateTime) expected.get(i)).toLocalDateTime());
                    assertThat(ours.getOffset()).isEqualTo(ours.getZone().getRules().getValidOffsets(ours.toLocalDateTime()).get(0));
                } else {
                    assertThat(actual.get(i)).as("%s from %s, %d weeks on, date %d", rule, seed, weeksLater, i)
                            .isEqualTo(expected.get(i));
                }
            }
        }
    }

    private static boolean twice(Temporal date) {
        return date instanceof ZonedDateTime zoned
                && zoned.getZone().getRules().getValidOffsets(zoned.toLocalDateTime()).size() == 2;
    }

    @Test
    @DisplayName("everything else stays with ical4j: COUNT, monthly, BYSETPOS, numbered BYDAY, other BY parts, mixed UNTIL")
    void othersAreLeftToIcal4j() {
        Temporal zoned = SEEDS.get(0);
        for (String rule : List.of("FREQ=WEEKLY;COUNT=10", "FREQ=MONTHLY;BYDAY=1TH", "FREQ=YEARLY", "FREQ=HOURLY",
                "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=1", "FREQ=DAILY;BYHOUR=9,17", "FREQ=WEEKLY;BYMONTH=1",
                "FREQ=DAILY;BYDAY=1MO")) {
            assertThat(SimpleRule.of(new Recur<>(rule), zoned)).as(rule).isEmpty();
        }
        assertThat(SimpleRule.of(new Recur<>("FREQ=DAILY;UNTIL=20260905T120000Z"), SEEDS.get(3))).isEmpty();
        assertThat(SimpleRule.of(new Recur<>("FREQ=DAILY;UNTIL=20260905"), zoned)).isEmpty();
    }
}
