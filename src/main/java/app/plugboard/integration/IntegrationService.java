package app.plugboard.integration;

import app.plugboard.common.ChangedMeanwhileException;
import app.plugboard.common.BrokenCharacters;
import app.plugboard.common.ControlCharacters;
import app.plugboard.common.FormatCharacters;
import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserId;
import app.plugboard.crypto.UnreadableSecretException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a person can do with their integrations. Every operation takes the acting user: an
 * integration of someone else answers exactly like one that does not exist. Edits carry the
 * version the person saw; if the integration changed since, nothing is written.
 */
@Service
public class IntegrationService {

    public static final String LABEL = "label";
    public static final int MAX_LABEL_LENGTH = 50;
    private static final String WHAT = "integration";
    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);

    private final IntegrationRepository repository;
    private final SettingsCodec codec;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    IntegrationService(IntegrationRepository repository, SettingsCodec codec, Clock clock, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.codec = codec;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    /** Saves a new integration with the outcome of the check it passed. */
    @Transactional
    public IntegrationView create(UserId actor, String label, IntegrationSettings settings, CheckResult check) {
        IntegrationView created = create(actor, label, settings);
        return recordCheck(actor, created.id(), check);
    }

    @Transactional
    public IntegrationView create(UserId actor, String label, IntegrationSettings settings) {
        String cleanLabel = validLabel(label);
        settings.validate();
        IntegrationId id = IntegrationId.random();
        ensureLabelFree(actor, cleanLabel, id);
        SettingsCodec.Encoded encoded = codec.encode(settings, Integration.secretContext(actor, id));
        Integration integration = Integration.create(
                id, actor, settings.type().id(), cleanLabel, encoded.plain(), encoded.secrets(), now());
        IntegrationView created = view(save(integration));
        events.publishEvent(new IntegrationCreated(actor, id));
        return created;
    }

    @Transactional(readOnly = true)
    public List<IntegrationView> list(UserId actor) {
        return repository.findAllOwned(actor).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public IntegrationView get(UserId actor, IntegrationId id) {
        return view(load(actor, id));
    }

    /**
     * The decrypted settings, for the connection checks of the owner's own integration.
     *
     * @throws UnknownTypeException when this Plugboard no longer knows the integration's type
     */
    @Transactional(readOnly = true)
    public IntegrationSettings settings(UserId actor, IntegrationId id) {
        return decode(load(actor, id));
    }

    @Transactional
    public IntegrationView rename(UserId actor, IntegrationId id, long expectedVersion, String newLabel) {
        Integration integration = loadForEdit(actor, id, expectedVersion);
        String cleanLabel = validLabel(newLabel);
        ensureLabelFree(actor, cleanLabel, id);
        integration.rename(cleanLabel, now());
        return view(save(integration));
    }

    /** Replaces the settings of the same type; the connection is then unchecked until the next check. */
    @Transactional
    public IntegrationView replaceSettings(UserId actor, IntegrationId id, long expectedVersion, IntegrationSettings settings) {
        Integration integration = loadForEdit(actor, id, expectedVersion);
        if (!settings.type().id().equals(integration.type())) {
            throw new InvalidInputException(new InputProblem("type", "\"" + integration.label() + "\" is "
                    + codec.type(integration).displayName() + "; its settings can't become " + settings.type().displayName()
                    + ". Add a new integration instead."));
        }
        settings.validate();
        SettingsCodec.Encoded encoded = codec.encode(settings, integration.secretContext());
        integration.replaceSettings(encoded.plain(), encoded.secrets(), now());
        save(integration);
        return recordCheck(actor, id, IntegrationStatus.PENDING, null);
    }

    /** Replaces the settings with new ones that passed {@code check}: the old ones stayed until now. */
    @Transactional
    public IntegrationView replaceSettings(UserId actor, IntegrationId id, long expectedVersion,
            IntegrationSettings settings, CheckResult check) {
        replaceSettings(actor, id, expectedVersion, settings);
        return recordCheck(actor, id, check);
    }

    /**
     * Credentials the service renewed by itself (a refreshed OAuth access token), or dropped
     * because it no longer accepts them. Same type, no edit by the owner: it applies to whatever
     * version is current, and the status stays as it is.
     */
    public IntegrationView renewCredentials(UserId actor, IntegrationId id, IntegrationSettings settings) {
        settings.validate();
        return applyToCurrent(actor, id, integration -> {
            if (!settings.type().id().equals(integration.type())) {
                throw new IllegalArgumentException("renewed credentials of another type");
            }
            SettingsCodec.Encoded encoded = codec.encode(settings, integration.secretContext());
            integration.replaceSettings(encoded.plain(), encoded.secrets(), now());
        });
    }

    /** Stores the outcome of a check the owner ran and saw (add, edit, "Check now"): nobody needs telling. */
    public IntegrationView recordCheck(UserId actor, IntegrationId id, CheckResult check) {
        return recordCheck(actor, id, check.status(), check.message());
    }

    /**
     * Stores the outcome of a connection check the owner saw. A check does not compete with the owner's edits:
     * it applies to whatever is current (an edit at the same moment keeps its version).
     */
    public IntegrationView recordCheck(UserId actor, IntegrationId id, IntegrationStatus status, @Nullable String reason) {
        return recordLoaded(actor, id, status, reason, true);
    }

    /**
     * Stores the outcome of a check nobody saw (a credential renewal that the service refused): when it changes
     * what the owner must know, they are told ({@link AlertChanged}), unless they muted the integration.
     */
    public IntegrationView recordUnseenCheck(UserId owner, IntegrationId id, CheckResult check) {
        return recordLoaded(owner, id, check.status(), check.message(), false);
    }

    private IntegrationView recordLoaded(UserId actor, IntegrationId id, IntegrationStatus status, @Nullable String reason,
            boolean ownerSaw) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Integration current = load(actor, id);
            if (writeStatus(actor, id, current.label(), current.type(), current.health(), current.alertsMuted(),
                    status, reason, ownerSaw)) {
                return view(load(actor, id));
            }
        }
        throw new ChangedMeanwhileException(WHAT);
    }

    /**
     * A stored integration as a background check needs it, in one statement.
     *
     * @return empty when it no longer exists
     */
    public Optional<CheckTarget> checkTarget(IntegrationId id) {
        return repository.findForCheck(id).map(integration -> new CheckTarget(integration.owner(), integration.id(),
                integration.label(), codec.type(integration), integration.status(), integration.health().failingSince(),
                integration.lastCheckedAt(), integration.health().alert(), integration.alertsMuted(),
                codec.describe(integration).known(), settingsOrNull(integration)));
    }

    /**
     * Stores what a background check of {@code target} found: one statement (two in one transaction when the
     * owner is to be told, see {@link AlertChanged}), based on what {@link #checkTarget} read.
     *
     * @return false when the integration is gone; when a check the owner ran changed its alert meanwhile, it is
     * read again and the outcome stored on what it is now
     */
    public boolean recordBackgroundCheck(CheckTarget target, CheckResult check) {
        if (writeStatus(target.owner(), target.id(), target.label(), target.type().id(), target.health(),
                target.alertsMuted(), check.status(), check.message(), false)) {
            return true;
        }
        try {
            recordLoaded(target.owner(), target.id(), check.status(), check.message(), false);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * One statement, or two in one transaction when the owner is to be told: the notice is stored with the
     * status, never without it.
     *
     * @return false when nothing was written (gone, or its alert changed since {@code seen} was read)
     */
    private boolean writeStatus(UserId owner, IntegrationId id, String label, String type, Health seen, boolean muted,
            IntegrationStatus status, @Nullable String reason, boolean ownerSaw) {
        Instant now = now();
        Health next = seen.after(status, now);
        if (muted && !ownerSaw) {
            next = next.withAlert(seen.alert()); // muted: the owner is made aware of nothing, until they unmute
        }
        @Nullable String storedReason = status == IntegrationStatus.CONNECTED ? null : reason;
        Optional<AlertChanged.Change> change = ownerSaw ? Optional.empty() : seen.change(next);
        Health written = next;
        BooleanSupplier write = () -> repository.recordStatus(id, owner, status.name(), storedReason, now,
                written.failingSince(), written.alert().name(), seen.alert().name()) == 1;
        if (change.isEmpty()) {
            return write.getAsBoolean();
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!write.getAsBoolean()) {
                return false;
            }
            events.publishEvent(new AlertChanged(owner, id, label, type, change.get(), storedReason, now));
            return true;
        }));
    }

    /** The owner's choice: a direct message when it breaks or recovers, or none (it is checked and listed all the same). */
    public IntegrationView muteAlerts(UserId actor, IntegrationId id, boolean muted) {
        return applyToCurrent(actor, id, integration -> integration.muteAlerts(muted, now()));
    }

    /**
     * A change that does not compete with the owner's edits: applied to whatever version is current,
     * loaded again when an edit lands at the same moment (a few times, then "changed meanwhile").
     */
    private IntegrationView applyToCurrent(UserId actor, IntegrationId id, Consumer<Integration> change) {
        // Each attempt is a transaction of its own: a failed save marks its transaction rollback-only, so a
        // retry inside it could never commit. Within a caller's transaction (create or replace with their
        // check) the version is the caller's own and a retry cannot help: one attempt.
        int attempts = TransactionSynchronizationManager.isActualTransactionActive() ? 1 : 3;
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transactions.execute(status -> {
                    Integration integration = load(actor, id);
                    change.accept(integration);
                    return view(repository.save(integration));
                }));
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= attempts) {
                    throw new ChangedMeanwhileException(WHAT);
                }
            }
        }
    }

    @Transactional
    public void delete(UserId actor, IntegrationId id, long expectedVersion) {
        Integration integration = loadForEdit(actor, id, expectedVersion);
        int deleted;
        try {
            deleted = repository.deleteOwned(id, actor, expectedVersion);
        } catch (DataIntegrityViolationException e) {
            throw new IntegrationInUseException(integration.label());
        }
        if (deleted != 1) {
            throw new ChangedMeanwhileException(WHAT);
        }
        events.publishEvent(new IntegrationDeleted(actor, id, integration.label(), settingsOrNull(integration)));
    }

    /** PostgreSQL keeps microseconds: what we return must equal what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static String validLabel(@Nullable String label) {
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty()) {
            throw labelProblem("Label is empty: give this integration a name you will recognise, such as Work mail.");
        }
        if (clean.length() > MAX_LABEL_LENGTH) {
            throw labelProblem("Label is too long: use at most " + MAX_LABEL_LENGTH + " characters.");
        }
        if (ControlCharacters.present(clean)) {
            throw labelProblem("Label contains a line break or control character: type it on one line.");
        }
        if (FormatCharacters.present(clean)) {
            throw labelProblem("Label contains an invisible formatting character (such as a right-to-left override): "
                    + "type it again without it.");
        }
        if (BrokenCharacters.present(clean)) {
            throw labelProblem("Label" + BrokenCharacters.REFUSAL);
        }
        return clean;
    }

    private static InvalidInputException labelProblem(String message) {
        return new InvalidInputException(new InputProblem(LABEL, message));
    }

    private void ensureLabelFree(UserId actor, String label, IntegrationId self) {
        if (repository.labelTaken(actor, label, self)) {
            throw new DuplicateLabelException(label);
        }
    }

    private Integration load(UserId actor, IntegrationId id) {
        return repository.findOwned(id, actor).orElseThrow(() -> new NotFoundException(WHAT));
    }

    private Integration loadForEdit(UserId actor, IntegrationId id, long expectedVersion) {
        Integration integration = load(actor, id);
        if (integration.version() != expectedVersion) {
            throw new ChangedMeanwhileException(WHAT);
        }
        return integration;
    }

    private Integration save(Integration integration) {
        try {
            return repository.save(integration);
        } catch (DuplicateKeyException e) {
            throw new DuplicateLabelException(integration.label());
        } catch (OptimisticLockingFailureException e) {
            throw new ChangedMeanwhileException(WHAT);
        }
    }

    private IntegrationSettings decode(Integration integration) {
        try {
            return codec.decode(integration);
        } catch (UnreadableSecretException e) {
            log.warn("Secrets of integration {} cannot be decrypted: {}", integration.id(), e.getMessage());
            throw new UnreadableCredentialsException(integration.label());
        }
    }

    /** For listeners of a deletion, and background checks: what could be read, or null (they do what they can). */
    private @Nullable IntegrationSettings settingsOrNull(Integration integration) {
        try {
            return codec.decode(integration);
        } catch (UnreadableSecretException e) {
            log.warn("Secrets of integration {} cannot be decrypted: {}", integration.id(), e.getMessage());
            return null;
        } catch (UnknownTypeException e) {
            return null;
        }
    }

    private IntegrationView view(Integration integration) {
        SettingsCodec.Described described = codec.describe(integration);
        return new IntegrationView(integration.id(), integration.version(), described.kind().type(), described.kind(),
                integration.label(), integration.status(), integration.statusReason(), integration.lastCheckedAt(),
                integration.lastSuccessAt(), described.summary(), described.known(),
                integration.createdAt(), integration.updatedAt(), integration.health().failingSince(),
                integration.alertsMuted());
    }
}
