package app.plugboard.integration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Settings as they are stored, by their stored names: {@code plain} goes to a JSON column, {@code secret}
 * is encrypted as a whole. Absent optional values are simply left out. A {@link SettingsFormat} writes and
 * reads them.
 */
public record StoredSettings(Map<String, String> plain, Map<String, String> secret) {

    public StoredSettings {
        plain = Map.copyOf(plain);
        secret = Map.copyOf(secret);
    }

    public static Builder builder() {
        return new Builder();
    }

    public @Nullable String plain(String name) {
        return plain.get(name);
    }

    public String requiredPlain(String name) {
        String value = plain.get(name);
        if (value == null) {
            throw new IllegalStateException("stored settings lack the field " + name);
        }
        return value;
    }

    public @Nullable Integer plainInt(String name) {
        String value = plain.get(name);
        return value == null ? null : Integer.valueOf(value);
    }

    public @Nullable Instant plainInstant(String name) {
        String value = plain.get(name);
        return value == null ? null : Instant.parse(value);
    }

    public @Nullable Secret secret(String name) {
        String value = secret.get(name);
        return value == null ? null : Secret.of(value);
    }

    public Secret requiredSecret(String name) {
        Secret value = secret(name);
        if (value == null) {
            throw new IllegalStateException("stored settings lack the secret " + name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "StoredSettings[plain=" + plain + ", secret=" + secret.keySet() + " (values hidden)]";
    }

    public static final class Builder {
        private final Map<String, String> plain = new LinkedHashMap<>();
        private final Map<String, String> secret = new LinkedHashMap<>();

        public Builder plain(String name, @Nullable Object value) {
            if (value != null) {
                plain.put(name, value.toString());
            }
            return this;
        }

        public Builder secret(String name, @Nullable Secret value) {
            if (value != null) {
                secret.put(name, value.reveal());
            }
            return this;
        }

        public StoredSettings build() {
            return new StoredSettings(plain, secret);
        }
    }
}
