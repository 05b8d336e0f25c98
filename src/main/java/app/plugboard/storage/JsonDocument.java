package app.plugboard.storage;

import java.util.Objects;

/** A JSON text stored in a {@code jsonb} column. */
public record JsonDocument(String json) {

    public JsonDocument {
        Objects.requireNonNull(json);
    }
}
