package app.plugboard.integration;

import app.plugboard.common.UserId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs the probe that fits the settings, and records what it found; every check is told to the {@link CheckObserver}. */
@Service
public class ConnectionChecker {

    private static final Logger log = LoggerFactory.getLogger(ConnectionChecker.class);

    private final Map<SettingsKind, ConnectionProbe> probes = new HashMap<>();
    private final IntegrationService integrations;
    private final CheckObserver observer;

    /** Probes come in {@code @Order}: for each kind the first wins (tests put stand-ins first). */
    ConnectionChecker(List<ConnectionProbe> probes, IntegrationService integrations, CheckObserver observer) {
        for (ConnectionProbe probe : probes) {
            this.probes.putIfAbsent(probe.kind(), probe);
        }
        this.integrations = integrations;
        this.observer = observer;
    }

    /** Checks settings that are not stored yet (a new integration, or new credentials before they replace the old). */
    public CheckResult check(IntegrationSettings settings) {
        return check(settings, CheckObserver.Trigger.NEW_SETTINGS, probe -> probe.check(settings));
    }

    private CheckResult check(IntegrationSettings settings, CheckObserver.Trigger trigger,
            Function<ConnectionProbe, CheckResult> run) {
        long started = System.nanoTime();
        CheckResult result = probe(settings, run);
        observer.checked(settings.kind(), trigger, result.status(), Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private CheckResult probe(IntegrationSettings settings, Function<ConnectionProbe, CheckResult> run) {
        ConnectionProbe probe = probes.get(settings.kind());
        if (probe == null) {
            return CheckResult.notChecked("Saved without a connection check: this Plugboard cannot check "
                    + settings.type().displayName() + " connections yet.");
        }
        try {
            return run.apply(probe);
        } catch (RuntimeException e) {
            log.warn("The {} probe failed unexpectedly", settings.kind(), e);
            return CheckResult.failing("The check could not finish because of a problem on our side; it will be tried again.");
        }
    }

    /** A stored integration as it is after a check, and what the check found. */
    public record Checked(IntegrationView integration, CheckResult result) {
    }

    /**
     * Checks a stored integration that a background check read ({@link IntegrationService#checkTarget}), without
     * reading it again, and records nothing: the caller does. Never throws for a failed connection.
     */
    public CheckResult check(CheckTarget target) {
        IntegrationSettings settings = target.settings();
        if (settings == null) {
            return target.known()
                    ? CheckResult.error(new UnreadableCredentialsException(target.label()).getMessage(), null)
                    : CheckResult.notChecked("This Plugboard no longer knows its type: it can't be checked.");
        }
        return check(settings, CheckObserver.Trigger.BACKGROUND, probe -> probe.check(target.owner(), target.id(), settings));
    }

    /** Checks a stored integration now and records the result. */
    public Checked checkNow(UserId actor, IntegrationId id) {
        IntegrationSettings settings = integrations.settings(actor, id);
        CheckResult result = check(settings, CheckObserver.Trigger.ON_REQUEST, probe -> probe.check(actor, id, settings));
        return new Checked(integrations.recordCheck(actor, id, result), result);
    }
}
