package app.plugboard.watch;

import app.plugboard.chat.FirstAnswers;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.CheckTarget;
import app.plugboard.integration.ConnectionChecker;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One background check of one integration, in three database statements: read it (settings, owner, what
 * checks found so far), store what the probe found with the health it leads to, and (the scheduler's)
 * plan the next check. Nothing is held open while the probe talks to the server. A check starts after the first
 * answers people are waiting for (at most half a second later), and runs on a thread of the lowest priority: on a
 * small machine its TLS handshake or calendar competes with them for the CPU.
 */
@Component
class BackgroundCheck {

    /** The longest a check waits for people's first answers before it starts (see {@link FirstAnswers}). */
    static final Duration HELD_BACK_AT_MOST = Duration.ofMillis(500);
    /** The longest a check waits for its server's share to free (about what a check takes); then it is put off. */
    static final Duration HOST_WAIT_AT_MOST = Duration.ofSeconds(3);
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** What happens to the integration's schedule after a check: checked again at {@code next}, or ended. */
    record Outcome(@Nullable Instant next) {
        static final Outcome END = new Outcome(null);
    }

    private final IntegrationService integrations;
    private final ConnectionChecker checker;
    private final Clock clock;
    private final Duration grace;
    private final CheckPlan plan;
    private final HostLimits limits;
    private final FirstAnswers firstAnswers;

    BackgroundCheck(IntegrationService integrations, ConnectionChecker checker, WatchProperties properties, Clock clock,
            ObjectProvider<FirstAnswers> firstAnswers) {
        this.integrations = integrations;
        this.firstAnswers = firstAnswers.getIfAvailable(() -> FirstAnswers.NONE);
        this.checker = checker;
        this.clock = clock;
        this.grace = properties.failingGrace();
        this.plan = new CheckPlan(properties.interval());
        this.limits = new HostLimits(properties.perHost());
    }

    /** @param due when this check was due (the next keeps its place one interval later) */
    Outcome run(IntegrationId id, Instant due) {
        Optional<CheckTarget> loaded = integrations.checkTarget(id);
        if (loaded.isEmpty()) {
            return Outcome.END; // deleted: its schedule ends with it
        }
        CheckTarget target = loaded.get();
        firstAnswers.awaitPending(HELD_BACK_AT_MOST);
        Optional<HostLimits.Permit> permit = limits.acquire(target, HOST_WAIT_AT_MOST);
        if (permit.isEmpty()) {
            return new Outcome(plan.hostBusy(clock.instant()));
        }
        CheckResult found;
        try (HostLimits.Permit held = permit.get()) {
            found = checker.check(target);
        }
        Instant now = clock.instant();
        if (found.status() == IntegrationStatus.PENDING) {
            return new Outcome(plan.next(due, false, null, null, now)); // nothing this Plugboard can check
        }
        boolean transientFailure = found.status() == IntegrationStatus.FAILING;
        if (!integrations.recordBackgroundCheck(target, afterGrace(found, target.failingSince(), now))) {
            return Outcome.END;
        }
        return new Outcome(plan.next(due, transientFailure, target.failingSince(), target.lastCheckedAt(), now));
    }

    /** A failure that may pass is an error once it has lasted the grace period without a success. */
    private CheckResult afterGrace(CheckResult found, @Nullable Instant failingSince, Instant now) {
        if (found.status() != IntegrationStatus.FAILING || failingSince == null || failingSince.plus(grace).isAfter(now)) {
            return found;
        }
        return CheckResult.error("Not working since " + SINCE.format(failingSince) + ": " + found.message(), found.field());
    }

    HostLimits limits() {
        return limits;
    }
}
