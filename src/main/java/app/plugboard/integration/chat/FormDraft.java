package app.plugboard.integration.chat;

import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.SettingsKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An open form: what it is for, and what was typed last (never a secret), so that "Try again"
 * can reopen it prefilled.
 *
 * @param kind the kind being edited (null while adding: the form may offer several)
 * @param integration the integration being edited, with the version the person saw
 */
record FormDraft(Intent intent, IntegrationType type, @Nullable SettingsKind kind, String label,
        @Nullable IntegrationId integration, long version, Map<String, String> typed) {

    enum Intent {
        ADD(FormPurpose.ADD),
        RENAME(null),
        REPLACE_CREDENTIALS(FormPurpose.REPLACE_CREDENTIALS),
        CHANGE_URL(FormPurpose.CHANGE_URL),
        SENDING(FormPurpose.SENDING);

        private final @Nullable FormPurpose purpose;

        Intent(@Nullable FormPurpose purpose) {
            this.purpose = purpose;
        }

        /** The settings form's purpose; rename has no settings form. */
        FormPurpose purpose() {
            if (purpose == null) {
                throw new IllegalStateException("rename has no settings form");
            }
            return purpose;
        }

        static Intent of(FormPurpose purpose) {
            return switch (purpose) {
                case ADD -> ADD;
                case REPLACE_CREDENTIALS -> REPLACE_CREDENTIALS;
                case CHANGE_URL -> CHANGE_URL;
                case SENDING -> SENDING;
            };
        }
    }

    FormDraft {
        typed = Map.copyOf(typed);
    }

    static FormDraft adding(IntegrationType type, String label) {
        return new FormDraft(Intent.ADD, type, null, label, null, 0, Map.of());
    }

    FormDraft withTyped(Map<String, String> nonSecretValues) {
        return new FormDraft(intent, type, kind, label, integration, version, nonSecretValues);
    }
}
