package app.plugboard.integration;

import app.plugboard.common.UserId;
import app.plugboard.storage.JsonDocument;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The aggregate: one connected service of one person. Settings are kept as stored (plain JSON and
 * one ciphertext); {@link IntegrationService} maps them to and from {@link IntegrationSettings}.
 * What checks find (status, reason, times, health) is read here but written by its own statement
 * ({@link IntegrationRepository#recordStatus}), never by saving the aggregate: an edit and a check at
 * the same moment never undo each other, and a check does not make an edit "changed meanwhile".
 */
@Table("integration")
class Integration {

    @Id
    private final IntegrationId id;
    @Version
    private @Nullable Long version;
    @Column("owner_id")
    private final UserId owner;
    /** The {@link IntegrationType#id()} it was stored with, known to this Plugboard or not. */
    private final String type;
    private String label;
    @ReadOnlyProperty
    private final IntegrationStatus status;
    @ReadOnlyProperty
    private final @Nullable String statusReason;
    @ReadOnlyProperty
    private final @Nullable Instant lastCheckedAt;
    @ReadOnlyProperty
    private final @Nullable Instant lastSuccessAt;
    @ReadOnlyProperty
    private final @Nullable Instant failingSince;
    @ReadOnlyProperty
    private final Alert alert;
    private boolean alertsMuted;
    private JsonDocument settings;
    private String secrets;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Integration(IntegrationId id, @Nullable Long version, UserId owner, String type, String label,
            IntegrationStatus status, @Nullable String statusReason, @Nullable Instant lastCheckedAt,
            @Nullable Instant lastSuccessAt, @Nullable Instant failingSince, Alert alert, boolean alertsMuted,
            JsonDocument settings, String secrets, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.owner = owner;
        this.type = type;
        this.label = label;
        this.status = status;
        this.statusReason = statusReason;
        this.lastCheckedAt = lastCheckedAt;
        this.lastSuccessAt = lastSuccessAt;
        this.failingSince = failingSince;
        this.alert = alert;
        this.alertsMuted = alertsMuted;
        this.settings = settings;
        this.secrets = secrets;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Integration create(IntegrationId id, UserId owner, String type, String label,
            JsonDocument settings, String secrets, Instant now) {
        return new Integration(id, null, owner, type, label, IntegrationStatus.PENDING, null, null, null,
                null, Alert.NONE, false, settings, secrets, now, now);
    }

    void rename(String newLabel, Instant now) {
        this.label = newLabel;
        this.updatedAt = now;
    }

    void replaceSettings(JsonDocument newSettings, String newSecrets, Instant now) {
        this.settings = newSettings;
        this.secrets = newSecrets;
        this.updatedAt = now;
    }

    /** Re-encryption under a new key: the same secrets, so nothing the owner sees changes. */
    void reencrypt(String newSecrets) {
        this.secrets = newSecrets;
    }

    /** The owner's choice: direct messages about this integration, or none (it is checked and listed all the same). */
    void muteAlerts(boolean muted, Instant now) {
        this.alertsMuted = muted;
        this.updatedAt = now;
    }

    IntegrationId id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    UserId owner() {
        return owner;
    }

    String type() {
        return type;
    }

    String label() {
        return label;
    }

    IntegrationStatus status() {
        return status;
    }

    @Nullable String statusReason() {
        return statusReason;
    }

    @Nullable Instant lastCheckedAt() {
        return lastCheckedAt;
    }

    @Nullable Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    Health health() {
        return new Health(failingSince, alert);
    }

    boolean alertsMuted() {
        return alertsMuted;
    }

    JsonDocument settings() {
        return settings;
    }

    String secrets() {
        return secrets;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Where a secret of this integration belongs: a ciphertext made for one row fails in any other. */
    static String secretContext(UserId owner, IntegrationId id) {
        return "integration/" + owner + "/" + id;
    }

    String secretContext() {
        return secretContext(owner, id);
    }
}
