package app.plugboard.integration;

import app.plugboard.crypto.SecretCipher;
import app.plugboard.storage.JsonDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explicit mapping between {@link IntegrationSettings} and their stored form: plain fields
 * (plus the settings kind) as JSON, secret fields as JSON encrypted into one ciphertext that is
 * bound to the integration's owner and id.
 */
@Component
class SettingsCodec {

    private static final String KIND = "kind";
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final SecretCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    SettingsCodec(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record Encoded(JsonDocument plain, String secrets) {
        @Override
        public String toString() {
            return "Encoded[plain=" + plain + ", secrets=(ciphertext)]";
        }
    }

    Encoded encode(IntegrationSettings settings, String secretContext) {
        StoredSettings fields = settings.toStoredSettings();
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put(KIND, settings.kind().name());
        plain.putAll(fields.plain());
        String secrets = cipher.encrypt(json.writeValueAsString(fields.secret()), secretContext);
        return new Encoded(new JsonDocument(json.writeValueAsString(plain)), secrets);
    }

    /** @throws app.plugboard.crypto.UnreadableSecretException when the secrets do not decrypt here */
    IntegrationSettings decode(Integration integration) {
        Map<String, String> plain = new LinkedHashMap<>(json.readValue(integration.settings().json(), FIELDS));
        SettingsKind kind = SettingsKind.valueOf(plain.remove(KIND));
        Map<String, String> secret = json.readValue(cipher.decrypt(integration.secrets(), integration.secretContext()), FIELDS);
        StoredSettings fields = new StoredSettings(plain, secret);
        return switch (kind) {
            case IMAP -> ImapSettings.fromStoredSettings(fields);
            case GMAIL -> GmailSettings.fromStoredSettings(fields);
            case CALENDAR_FEED -> CalendarFeedSettings.fromStoredSettings(fields);
            case CALDAV -> CalDavSettings.fromStoredSettings(fields);
        };
    }

    /** Reads only the plain part: enough for lists, without decrypting anything. */
    SettingsKind kindOf(Integration integration) {
        return SettingsKind.valueOf(plainFields(integration).get(KIND));
    }

    Map<String, String> plainFields(Integration integration) {
        return json.readValue(integration.settings().json(), FIELDS);
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
