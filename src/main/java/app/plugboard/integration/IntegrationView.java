package app.plugboard.integration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the chat shows of an integration: everything but its secrets.
 *
 * @param version what an edit based on this view must still find, else "changed meanwhile"
 * @param summary a non-secret description, such as {@code alice@example.com on imap.example.com}
 * @param known   whether this Plugboard knows its type; one stored by an earlier Plugboard, of a type it no
 *                longer knows, can only be deleted
 * @param failingSince since when its checks fail without a success in between; null while it works
 * @param alertsMuted  whether its owner chose to get no direct message about it (it is checked all the same)
 */
public record IntegrationView(
        IntegrationId id,
        long version,
        IntegrationType type,
        SettingsKind kind,
        String label,
        IntegrationStatus status,
        @Nullable String statusReason,
        @Nullable Instant lastCheckedAt,
        @Nullable Instant lastSuccessAt,
        String summary,
        boolean known,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant failingSince,
        boolean alertsMuted) {
}
