package app.plugboard.integration.chat;

import app.plugboard.chat.Form;
import app.plugboard.integration.Destination;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A type that is typed in: the inputs of its forms, and how what was typed becomes settings. The form names
 * its inputs with keys of its own, apart from the names its settings are stored under. The conversation
 * does the rest (drafts, "Try again", the connection check, storing).
 */
public non-sealed interface TypeForms extends WayIn {

    /** The edit choices, beside rename, that fit settings of this kind. */
    List<FormPurpose> editChoices(SettingsKind kind);

    /**
     * The inputs to show. {@code prefill} holds non-secret values by input key (what was typed
     * before, or the stored settings); secret inputs always start empty.
     */
    List<Form.Input> inputs(FormPurpose purpose, @Nullable SettingsKind kind, Map<String, String> prefill);

    /**
     * Settings from what was typed. When editing, {@code current} is the stored settings: a secret
     * left empty keeps the stored one.
     *
     * @throws app.plugboard.common.InvalidInputException naming each input that cannot be read
     */
    IntegrationSettings parse(FormPurpose purpose, Map<String, String> typed, @Nullable IntegrationSettings current);

    /**
     * Destinations a stored secret may also go to without being typed again: the same provider's other
     * servers, from Plugboard's own table, never from what was typed. None unless a type says so.
     */
    default Set<Destination> sameProviderDestinations(IntegrationSettings stored) {
        return Set.of();
    }

    /** The non-secret values of stored settings, by input key, to prefill an edit form. */
    Map<String, String> prefill(IntegrationSettings settings);
}
