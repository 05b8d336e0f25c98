package app.plugboard.integration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every kind of settings this Plugboard knows, by the names they are stored under: one
 * {@link SettingsFormat} bean per kind, contributed by its type's package. Two formats for one kind,
 * or one type id with two descriptions, stop the start.
 */
@Component
class SettingsFormats {

    private final Map<String, SettingsFormat<?>> byKind = new HashMap<>();
    private final Map<String, IntegrationType> types = new HashMap<>();

    SettingsFormats(List<SettingsFormat<?>> formats) {
        for (SettingsFormat<?> format : formats) {
            SettingsKind kind = format.kind();
            if (byKind.putIfAbsent(kind.id(), format) != null) {
                throw new IllegalStateException("two settings formats for the kind " + kind.id());
            }
            IntegrationType known = types.putIfAbsent(kind.type().id(), kind.type());
            if (known != null && !known.equals(kind.type())) {
                throw new IllegalStateException("the type " + known.id() + " is declared twice, differently");
            }
        }
    }

    /** The type stored as {@code id}; one this Plugboard does not know is {@link IntegrationType#unknown}. */
    IntegrationType type(String id) {
        return types.getOrDefault(id, IntegrationType.unknown(id));
    }

    Optional<SettingsFormat<?>> of(String kindId) {
        return Optional.ofNullable(byKind.get(kindId));
    }

    /** The format of settings about to be stored: their kind is always known. */
    SettingsFormat<?> of(SettingsKind kind) {
        SettingsFormat<?> format = byKind.get(kind.id());
        if (format == null || !format.kind().equals(kind)) {
            throw new IllegalStateException("no settings format for " + kind);
        }
        return format;
    }
}
