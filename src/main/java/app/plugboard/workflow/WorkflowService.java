package app.plugboard.workflow;

import app.plugboard.common.BrokenCharacters;
import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.ControlCharacters;
import app.plugboard.common.FormatCharacters;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationDependents;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow side of the model: which of a person's workflows use which of their integrations. It
 * tells the integration side what depends on an integration ({@link IntegrationDependents}).
 */
@Service
public class WorkflowService implements IntegrationDependents {

    public static final String NAME = "name";
    public static final String INTEGRATIONS = "integrations";
    public static final int MAX_NAME_LENGTH = 80;
    private static final String WHAT = "workflow";

    private final WorkflowRepository repository;
    private final IntegrationService integrations;
    private final Clock clock;

    WorkflowService(WorkflowRepository repository, IntegrationService integrations, Clock clock) {
        this.repository = repository;
        this.integrations = integrations;
        this.clock = clock;
    }

    @Transactional
    public WorkflowView create(UserId actor, String name, Set<IntegrationId> integrationIds) {
        String cleanName = validName(name);
        if (integrationIds.isEmpty()) {
            throw new InvalidInputException(new InputProblem(INTEGRATIONS,
                    "Integrations is empty: pick at least one of your integrations for this workflow."));
        }
        integrationIds.forEach(id -> integrations.get(actor, id)); // not yours: "not found"
        if (repository.nameTaken(actor, cleanName)) {
            throw new DuplicateWorkflowNameException(cleanName);
        }
        try {
            return view(repository.save(Workflow.create(actor, cleanName, new LinkedHashSet<>(integrationIds), now())));
        } catch (DuplicateKeyException e) {
            throw new DuplicateWorkflowNameException(cleanName);
        }
    }

    @Transactional(readOnly = true)
    public List<WorkflowView> list(UserId actor) {
        return repository.findAllOwned(actor).stream().map(WorkflowService::view).toList();
    }

    @Transactional(readOnly = true)
    public List<WorkflowView> usingIntegration(UserId actor, IntegrationId integration) {
        return repository.findOwnedUsing(actor, integration).stream().map(WorkflowService::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Dependent> dependents(UserId actor, IntegrationId integration) {
        return asDependents(usingIntegration(actor, integration));
    }

    /** How many workflows use each of the person's integrations; integrations no workflow uses are absent. */
    @Override
    @Transactional(readOnly = true)
    public Map<IntegrationId, Long> usageCounts(UserId actor) {
        return repository.countUsage(actor).stream().collect(
                Collectors.toUnmodifiableMap(WorkflowRepository.UsageCount::integrationId, WorkflowRepository.UsageCount::workflows));
    }

    @Transactional
    public void delete(UserId actor, WorkflowId id, long expectedVersion) {
        Workflow workflow = repository.findOwned(id, actor).orElseThrow(() -> new NotFoundException(WHAT));
        if (workflow.version() != expectedVersion || repository.deleteOwned(id, actor, expectedVersion) != 1) {
            throw new ChangedMeanwhileException(WHAT);
        }
    }

    @Transactional
    public WorkflowView pause(UserId actor, WorkflowId id) {
        Workflow workflow = repository.findOwned(id, actor).orElseThrow(() -> new NotFoundException(WHAT));
        workflow.pause(now());
        try {
            return view(repository.save(workflow));
        } catch (OptimisticLockingFailureException e) {
            throw new ChangedMeanwhileException(WHAT);
        }
    }

    /** PostgreSQL keeps microseconds: what we return must equal what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static String validName(@Nullable String name) {
        String clean = name == null ? "" : name.strip();
        String problem = clean.isEmpty() ? "Name is empty: give the workflow a name, such as Morning digest."
                : clean.length() > MAX_NAME_LENGTH ? "Name is too long: use at most " + MAX_NAME_LENGTH + " characters."
                : ControlCharacters.present(clean) ? "Name contains a line break or control character: type it on one line."
                : FormatCharacters.present(clean) ? "Name contains an invisible formatting character (such as a "
                        + "right-to-left override): type it again without it."
                : BrokenCharacters.present(clean) ? "Name" + BrokenCharacters.REFUSAL
                : null;
        if (problem != null) {
            throw new InvalidInputException(new InputProblem(NAME, problem));
        }
        return clean;
    }

    static List<Dependent> asDependents(List<WorkflowView> workflows) {
        return workflows.stream().map(workflow -> new Dependent(workflow.name(), workflow.state() == WorkflowState.PAUSED)).toList();
    }

    static WorkflowView view(Workflow workflow) {
        return new WorkflowView(workflow.id(), workflow.version(), workflow.name(), workflow.state(),
                workflow.integrationIds(), workflow.createdAt(), workflow.updatedAt());
    }
}
