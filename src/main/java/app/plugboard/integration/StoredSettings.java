package app.plugboard.integration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The flat form of a settings record: {@code plain} goes to a JSON column, {@code secret} is
 * encrypted as a whole. Absent optional values are simply left out.
 */
public record StoredSettings(Map<String, String> plain, Map<String, String> secret) {

    public StoredSettings {
        plain = Map.copyOf(plain);
        secret = Map.copyOf(secret);
    }

    static Builder builder() {
        return new Builder();
    }

    @Nullable String plain(String name) {
        return plain.get(name);
    }

    String requiredPlain(String name) {
        String value = plain.get(name);
        if (value == null) {
            throw new IllegalStateException("stored settings lack the field " + name);
        }
        return value;
    }

    @Nullable Integer plainInt(String name) {
        String value = plain.get(name);
        return value == null ? null : Integer.valueOf(value);
    }

    @Nullable Instant plainInstant(String name) {
        String value = plain.get(name);
        return value == null ? null : Instant.parse(value);
    }

    @Nullable Secret secret(String name) {
        String value = secret.get(name);
        return value == null ? null : Secret.of(value);
    }

    Secret requiredSecret(String name) {
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

    static final class Builder {
        private final Map<String, String> plain = new LinkedHashMap<>();
        private final Map<String, String> secret = new LinkedHashMap<>();

        Builder plain(String name, @Nullable Object value) {
            if (value != null) {
                plain.put(name, value.toString());
            }
            return this;
        }

        Builder secret(String name, @Nullable Secret value) {
            if (value != null) {
                secret.put(name, value.reveal());
            }
            return this;
        }

        StoredSettings build() {
            return new StoredSettings(plain, secret);
        }
    }
}
