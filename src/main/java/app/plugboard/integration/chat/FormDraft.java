package app.plugboard.integration.chat;

import app.plugboard.chat.TypedValues;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.SettingsKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An open form: what it is for, and what was typed last (never a secret), so that "Try again"
 * can reopen it prefilled.
 *
 * @param kind the kind being edited (null while adding: the form may offer several)
 * @param integration the integration being edited, with the version the person saw
 * @param secretKeys the form's secret fields (passwords, feed addresses): their values are never kept
 */
record FormDraft(Intent intent, IntegrationType type, @Nullable SettingsKind kind, String label,
        @Nullable IntegrationId integration, long version, Map<String, String> typed, Set<String> secretKeys) {

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
        secretKeys = Set.copyOf(secretKeys);
        Map<String, String> kept = new HashMap<>(typed);
        kept.keySet().removeAll(secretKeys);
        typed = Map.copyOf(kept);
    }

    /** A draft whose form's secret fields are not known yet ({@link #declaring} tells them). */
    FormDraft(Intent intent, IntegrationType type, @Nullable SettingsKind kind, String label,
            @Nullable IntegrationId integration, long version, Map<String, String> typed) {
        this(intent, type, kind, label, integration, version, typed, Set.of());
    }

    static FormDraft adding(IntegrationType type, String label) {
        return new FormDraft(Intent.ADD, type, null, label, null, 0, Map.of());
    }

    /** The same draft, knowing which of its form's fields are secret. */
    FormDraft declaring(Set<String> secretFields) {
        return new FormDraft(intent, type, kind, label, integration, version, typed, secretFields);
    }

    /** What was typed, without the values of the secret fields. */
    FormDraft withTyped(Map<String, String> values) {
        return new FormDraft(intent, type, kind, label, integration, version, values, secretKeys);
    }

    @Override
    public String toString() {
        return "FormDraft[intent=" + intent + ", type=" + type + ", kind=" + kind + ", label=" + label + ", integration="
                + integration + ", version=" + version + ", typed=" + TypedValues.masked(typed, secretKeys)
                + ", secretKeys=" + secretKeys + "]";
    }
}
