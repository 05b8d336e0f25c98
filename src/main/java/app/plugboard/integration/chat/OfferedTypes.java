package app.plugboard.integration.chat;

import app.plugboard.integration.IntegrationType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The types a person can add, in the order the chat lists them, each with its {@link WayIn}: one bean per
 * type, collected here, so the commands name no type. Two ways in for one type stop the start.
 */
@Component
class OfferedTypes {

    private final List<IntegrationType> types;
    private final Map<IntegrationType, WayIn> ways = new HashMap<>();

    /** @param ways in {@code @Order}: the order the chat lists the types in */
    OfferedTypes(List<WayIn> ways) {
        for (WayIn way : ways) {
            if (this.ways.putIfAbsent(way.type(), way) != null) {
                throw new IllegalStateException("two ways in for the type " + way.type().id());
            }
        }
        this.types = ways.stream().map(WayIn::type).toList();
    }

    List<IntegrationType> all() {
        return types;
    }

    /** The type a person named by its key ({@code imap}) or its name ({@code IMAP mail}), ignoring case. */
    Optional<IntegrationType> fromKey(String typed) {
        String key = typed.trim();
        return types.stream()
                .filter(type -> type.key().equalsIgnoreCase(key) || type.displayName().equalsIgnoreCase(key))
                .findFirst();
    }

    /** How the type connects; empty for a type this Plugboard does not offer (no longer known, say). */
    Optional<WayIn> wayIn(IntegrationType type) {
        return Optional.ofNullable(ways.get(type));
    }

    /** The names of the types, as in "IMAP mail, Gmail or Calendar". */
    String names() {
        List<String> names = types.stream().map(IntegrationType::displayName).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
