package app.plugboard.integration;

import app.plugboard.crypto.SecretCipher;
import app.plugboard.storage.JsonDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapping between {@link IntegrationSettings} and their stored form, through the {@link SettingsFormat}
 * of their kind: plain fields (plus the kind's stored id under {@code kind}) as JSON, secret fields as JSON
 * encrypted into one ciphertext that is bound to the integration's owner and id.
 */
@Component
class SettingsCodec {

    private static final String KIND = "kind";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final SecretCipher cipher;
    private final SettingsFormats formats;
    private final JsonMapper json = JsonMapper.builder().build();

    SettingsCodec(SecretCipher cipher, SettingsFormats formats) {
        this.cipher = cipher;
        this.formats = formats;
    }

    record Encoded(JsonDocument plain, String secrets) {
        @Override
        public String toString() {
            return "Encoded[plain=" + plain + ", secrets=(ciphertext)]";
        }
    }

    /**
     * What lists show of stored settings, from the plain part alone (nothing is decrypted).
     *
     * @param known whether a format reads this kind; settings of an unknown kind can only be deleted
     */
    record Described(SettingsKind kind, String summary, boolean known) {
    }

    Encoded encode(IntegrationSettings settings, String secretContext) {
        StoredSettings stored = write(formats.of(settings.kind()), settings);
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put(KIND, settings.kind().id());
        plain.putAll(stored.plain());
        String secrets = cipher.encrypt(json.writeValueAsString(stored.secret()), secretContext);
        return new Encoded(new JsonDocument(json.writeValueAsString(plain)), secrets);
    }

    private static <S extends IntegrationSettings> StoredSettings write(SettingsFormat<S> format, IntegrationSettings settings) {
        return format.write(format.settingsType().cast(settings));
    }

    /**
     * @throws UnknownTypeException when no format reads the stored kind
     * @throws app.plugboard.crypto.UnreadableSecretException when the secrets do not decrypt here
     */
    IntegrationSettings decode(Integration integration) {
        Map<String, String> plain = plainFields(integration);
        @Nullable String kind = plain.remove(KIND);
        SettingsFormat<?> format = formats.of(kind == null ? "" : kind)
                .orElseThrow(() -> new UnknownTypeException(integration.label()));
        Map<String, String> secret = json.readValue(cipher.decrypt(integration.secrets(), integration.secretContext()), FIELDS);
        return format.read(new StoredSettings(plain, secret));
    }

    Described describe(Integration integration) {
        Map<String, String> plain = plainFields(integration);
        @Nullable String kind = plain.remove(KIND);
        IntegrationType type = formats.type(integration.type());
        return formats.of(kind == null ? "" : kind)
                .map(format -> new Described(format.kind(), format.summary(plain), true))
                .orElseGet(() -> new Described(unknownKind(kind, type),
                        "This Plugboard no longer knows its type (" + type.id() + "): you can only delete it.", false));
    }

    private static SettingsKind unknownKind(@Nullable String id, IntegrationType type) {
        try {
            return new SettingsKind(id == null ? "UNKNOWN" : id, type);
        } catch (IllegalArgumentException notAStoredId) {
            return new SettingsKind("UNKNOWN", type);
        }
    }

    IntegrationType type(Integration integration) {
        return formats.type(integration.type());
    }

    private Map<String, String> plainFields(Integration integration) {
        return new LinkedHashMap<>(json.readValue(integration.settings().json(), FIELDS));
    }

    /** The secrets as they are, under the newest key: for key rotation. */
    String reencrypt(Integration integration) {
        String context = integration.secretContext();
        return cipher.encrypt(cipher.decrypt(integration.secrets(), context), context);
    }

    boolean isUnderCurrentKey(Integration integration) {
        return cipher.isUnderCurrentKey(integration.secrets());
    }
}
