package app.plugboard.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A block of structured information (a Discord embed). */
public record Card(String title, @Nullable String description, List<Field> fields, Tone tone, @Nullable String footer) {

    public record Field(String name, String value, boolean inline) {
        public Field {
            Limits.check(name, Limits.FIELD_NAME, "A card field name");
            Limits.check(value, Limits.FIELD_VALUE, "A card field value");
            if (name.isBlank() || value.isBlank()) {
                throw new IllegalArgumentException("card fields need a name and a value");
            }
        }
    }

    public Card {
        Limits.check(title, Limits.CARD_TITLE, "A card title");
        if (description != null) {
            Limits.check(description, Limits.CARD_DESCRIPTION, "A card description");
        }
        if (footer != null) {
            Limits.check(footer, Limits.CARD_FOOTER, "A card footer");
        }
        fields = List.copyOf(fields);
        if (fields.size() > Limits.CARD_FIELDS) {
            throw new IllegalArgumentException("a card has at most " + Limits.CARD_FIELDS + " fields");
        }
        if (length(title, description, fields, footer) > Limits.CARD_TOTAL) {
            throw new IllegalArgumentException("a card has at most " + Limits.CARD_TOTAL + " characters in all");
        }
    }

    public static Card of(String title, Tone tone) {
        return new Card(title, null, List.of(), tone, null);
    }

    public int length() {
        return length(title, description, fields, footer);
    }

    private static int length(String title, @Nullable String description, List<Field> fields, @Nullable String footer) {
        int total = title.length() + (description == null ? 0 : description.length()) + (footer == null ? 0 : footer.length());
        for (Field field : fields) {
            total += field.name().length() + field.value().length();
        }
        return total;
    }
}
