package app.plugboard.workflow;

import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationDeletion;
import app.plugboard.integration.IntegrationDependents.Dependent;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationInUseException;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting an integration that workflows use, without leaving any of them dangling: they are
 * paused and lose it, or move to another integration of the same type, and the integration is
 * deleted, all in one transaction. The person confirms what they were shown: if the integration
 * or the workflows that use it changed since, nothing happens and they are shown it again.
 */
@Service
public class SafeDelete implements IntegrationDeletion {

    private final IntegrationService integrations;
    private final WorkflowRepository workflows;
    private final Clock clock;

    SafeDelete(IntegrationService integrations, WorkflowRepository workflows, Clock clock) {
        this.integrations = integrations;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Preview preview(UserId actor, IntegrationId id) {
        IntegrationView integration = integrations.get(actor, id);
        List<WorkflowView> using = workflows.findOwnedUsing(actor, id).stream().map(WorkflowService::view).toList();
        List<IntegrationView> alternatives = integrations.list(actor).stream()
                .filter(other -> other.type().equals(integration.type()) && !other.id().equals(id))
                .toList();
        return new Preview(integration, WorkflowService.asDependents(using), fingerprint(using), alternatives);
    }

    @Override
    @Transactional
    public Outcome delete(UserId actor, IntegrationId id, long shownVersion, String shownFingerprint,
            @Nullable IntegrationId moveTo) {
        Preview now = preview(actor, id);
        if (now.integration().version() != shownVersion || !now.fingerprint().equals(shownFingerprint)) {
            throw new ChangedSinceShownException();
        }
        IntegrationView target = moveTo == null ? null : now.alternatives().stream()
                .filter(alternative -> alternative.id().equals(moveTo)).findFirst()
                .orElseThrow(() -> new InvalidInputException(new InputProblem("moveTo",
                        "Workflows can only move to another of your integrations of the same type.")));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            for (Workflow workflow : workflows.findOwnedUsing(actor, id)) {
                if (target == null) {
                    workflow.loseIntegration(id, at);
                } else {
                    workflow.replaceIntegration(id, target.id(), at);
                }
                workflows.save(workflow);
            }
            integrations.delete(actor, id, shownVersion);
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException | ChangedMeanwhileException
                | IntegrationInUseException raced) {
            // a workflow changed, or started using it, in the meantime: the transaction rolls back
            throw new ChangedSinceShownException();
        }
        List<Dependent> affected = now.using();
        return target == null
                ? new Outcome(now.integration(), affected, List.of(), null)
                : new Outcome(now.integration(), List.of(), affected, target);
    }

    static String fingerprint(List<WorkflowView> using) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            using.stream().map(w -> w.id() + "@" + w.version()).sorted()
                    .forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
