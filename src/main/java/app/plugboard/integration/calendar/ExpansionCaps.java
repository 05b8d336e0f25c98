package app.plugboard.integration.calendar;

import java.time.Duration;

/**
 * The bounds of one expansion, so that no feed can hang a thread or fill the memory ({@code FREQ=SECONDLY}
 * without an end, a rule that asks for every second of a year at once, thousands of series).
 *
 * @param perSeries      occurrences kept per event series (the earliest)
 * @param total          occurrences kept in all
 * @param stepsPerSeries dates a rule may try per series (dates before the range count too)
 * @param totalSteps     dates tried in all
 * @param maxCandidates  the largest set of dates one step of a rule may produce (the product of its BY
 *                       parts); a rule above it is not expanded
 * @param budget         wall-clock time for the whole expansion
 */
public record ExpansionCaps(int perSeries, int total, int stepsPerSeries, long totalSteps, long maxCandidates,
        Duration budget) {

    public static ExpansionCaps defaults() {
        return new ExpansionCaps(1_000, 20_000, 50_000, 1_000_000, 10_000, Duration.ofSeconds(5));
    }
}
