package app.plugboard.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A block of structured information (a Discord embed). */
public record Card(String title, @Nullable String description, List<Entry> entries, Tone tone, @Nullable String footer) {

    /**
     * A name and its value (a Discord embed field).
     *
     * @param inline shown beside its inline neighbours rather than on lines of its own
     */
    public record Entry(String name, String value, boolean inline) {
        public Entry {
            Limits.check(name, Limits.ENTRY_NAME, "A card entry name");
            Limits.check(value, Limits.ENTRY_VALUE, "A card entry value");
            if (name.isBlank() || value.isBlank()) {
                throw new IllegalArgumentException("card entries need a name and a value");
            }
        }

        /** An entry on lines of its own. */
        public static Entry of(String name, String value) {
            return new Entry(name, value, false);
        }

        /** An entry shown beside its inline neighbours. */
        public static Entry inline(String name, String value) {
            return new Entry(name, value, true);
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
        entries = List.copyOf(entries);
        if (entries.size() > Limits.CARD_ENTRIES) {
            throw new IllegalArgumentException("a card has at most " + Limits.CARD_ENTRIES + " entries");
        }
        if (length(title, description, entries, footer) > Limits.CARD_TOTAL) {
            throw new IllegalArgumentException("a card has at most " + Limits.CARD_TOTAL + " characters in all");
        }
    }

    public static Card of(String title, Tone tone) {
        return new Card(title, null, List.of(), tone, null);
    }

    public int length() {
        return length(title, description, entries, footer);
    }

    private static int length(String title, @Nullable String description, List<Entry> entries, @Nullable String footer) {
        int total = title.length() + (description == null ? 0 : description.length()) + (footer == null ? 0 : footer.length());
        for (Entry entry : entries) {
            total += entry.name().length() + entry.value().length();
        }
        return total;
    }
}
