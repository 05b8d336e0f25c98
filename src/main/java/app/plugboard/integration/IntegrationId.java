package app.plugboard.integration;

import java.util.Objects;
import java.util.UUID;

public record IntegrationId(UUID value) {

    public IntegrationId {
        Objects.requireNonNull(value);
    }

    public static IntegrationId random() {
        return new IntegrationId(UUID.randomUUID());
    }

    public static IntegrationId parse(String text) {
        return new IntegrationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
