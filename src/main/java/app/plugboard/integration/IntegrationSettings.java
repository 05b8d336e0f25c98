package app.plugboard.integration;

import app.plugboard.common.InputProblem;
import app.plugboard.common.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * What an integration needs to reach its service: a record in its type's package, stored through the
 * {@link SettingsFormat} of its kind. Each record validates itself and says, per field, what to fix.
 * Secret parts are {@link Secret}s, so printing a record shows {@code ***}.
 */
public interface IntegrationSettings {

    SettingsKind kind();

    default IntegrationType type() {
        return kind().type();
    }

    /** Every problem with the values, each naming its field; empty when the settings are usable. */
    List<InputProblem> problems();

    default void validate() {
        List<InputProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Each secret, by field, with every destination it is sent to. An edit may keep a stored secret only
     * for the destinations it was stored for ({@link SecretReuse}).
     */
    Map<String, SecretUse> secretUses();
}
