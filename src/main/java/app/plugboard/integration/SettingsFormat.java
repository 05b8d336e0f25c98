package app.plugboard.integration;

import java.util.Map;

/**
 * How one kind of settings is stored, and summarised for lists. One bean per kind, in its type's package:
 * the stored names of its fields are the format's own (a form names its inputs apart), so renaming what
 * a form shows never changes what is stored.
 *
 * <p>Plain fields go to a JSON column beside the kind's {@link SettingsKind#id()}; secret fields are
 * encrypted together into one ciphertext bound to the integration. Stored names never change once
 * integrations of the kind are stored; a format reads what earlier versions wrote.
 */
public interface SettingsFormat<S extends IntegrationSettings> {

    SettingsKind kind();

    /** The settings record this format stores. */
    Class<S> settingsType();

    StoredSettings write(S settings);

    /** @throws IllegalStateException when a required field is missing (the row was not written by a format) */
    S read(StoredSettings stored);

    /** A one-line description for lists, from the plain fields alone: nothing is decrypted to show a list. */
    String summary(Map<String, String> plain);
}
