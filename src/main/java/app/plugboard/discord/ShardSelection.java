package app.plugboard.discord;

import app.plugboard.common.StartupProblem;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which of the bot's shards this Plugboard runs, from {@code PLUGBOARD_DISCORD_SHARDS} (the total, across every
 * Plugboard of the bot) and {@code PLUGBOARD_DISCORD_SHARD_IDS} ({@code 0-3}, {@code 0,2}, {@code 0-1,4}).
 *
 * @param total the shard count, or null: as many as Discord recommends, all of them run here
 * @param ids   the shards this Plugboard runs, ascending; empty: all of {@code 0..total-1}
 */
record ShardSelection(@Nullable Integer total, List<Integer> ids) {

    /** More shards than any bot has: Discord's largest bots run a few thousand. */
    static final int MOST_SHARDS = 100_000;

    static final String TOTAL = "PLUGBOARD_DISCORD_SHARDS";
    static final String IDS = "PLUGBOARD_DISCORD_SHARD_IDS";

    ShardSelection {
        ids = List.copyOf(ids);
    }

    static ShardSelection of(@Nullable String totalText, @Nullable String ids) {
        boolean idsGiven = ids != null && !ids.isBlank();
        if (totalText == null || totalText.isBlank()) {
            if (idsGiven) {
                throw problem(IDS + " is \"" + ids.strip() + "\", but " + TOTAL + " is not set.",
                        "Set " + TOTAL + " to the total number of shards across all your Plugboards (the same on "
                                + "each), or remove " + IDS + " to run every shard Discord recommends in this one.");
            }
            return new ShardSelection(null, List.of());
        }
        String trimmed = totalText.strip();
        int total = trimmed.length() <= 6 && trimmed.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(trimmed) : 0;
        if (total < 1 || total > MOST_SHARDS) {
            throw problem(TOTAL + " is \"" + trimmed + "\", which is not a number of shards.",
                    "Set it to a whole number from 1 to " + MOST_SHARDS + " (the same on every Plugboard of the bot), "
                            + "or remove it to use what Discord recommends.");
        }
        return new ShardSelection(total, idsGiven ? parse(ids.strip(), total) : List.of());
    }

    /** Whether this Plugboard runs every shard there is. */
    boolean all() {
        return ids.isEmpty();
    }

    /** For the log: "shards 0-1 of 4", "every shard Discord recommends". */
    String describe() {
        if (total == null) {
            return "every shard Discord recommends";
        }
        if (all()) {
            return total == 1 ? "one shard" : "all " + total + " shards";
        }
        return (ids.size() == 1 ? "shard " : "shards ") + ranges(ids) + " of " + total;
    }

    private static List<Integer> parse(String text, int total) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw malformed(text, "an empty item between commas");
            }
            int dash = item.indexOf('-', 1);
            int from = number(text, dash < 0 ? item : item.substring(0, dash).strip());
            int to = dash < 0 ? from : number(text, item.substring(dash + 1).strip());
            if (to < from) {
                throw malformed(text, "the range " + item + " runs backwards");
            }
            if (to >= total) {
                throw problem(IDS + " is \"" + text + "\", but with " + TOTAL + "=" + total + " the shards are 0 to "
                        + (total - 1) + ".", "Name shards from 0 to " + (total - 1) + " only, or raise " + TOTAL
                        + " (on every Plugboard of the bot).");
            }
            for (int id = from; id <= to; id++) {
                if (!ids.add(id)) {
                    throw malformed(text, "shard " + id + " is named twice");
                }
            }
        }
        return List.copyOf(ids);
    }

    private static int number(String text, String item) {
        if (item.isEmpty() || item.length() > 6 || !item.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed(text, "\"" + item + "\" is not a shard number");
        }
        return Integer.parseInt(item);
    }

    private static StartupProblem malformed(String text, String what) {
        return problem(IDS + " is \"" + text + "\": " + what + ".",
                "Give the shards this Plugboard runs as numbers and ranges separated by commas, such as 0-3 or 0,2, "
                        + "each shard once.");
    }

    private static StartupProblem problem(String description, String action) {
        return new StartupProblem(description, action);
    }

    private static String ranges(List<Integer> ids) {
        StringBuilder text = new StringBuilder();
        int start = ids.get(0);
        int previous = start;
        for (int i = 1; i <= ids.size(); i++) {
            if (i < ids.size() && ids.get(i) == previous + 1) {
                previous = ids.get(i);
                continue;
            }
            text.append(text.isEmpty() ? "" : ",").append(start == previous ? start : start + "-" + previous);
            if (i < ids.size()) {
                start = ids.get(i);
                previous = start;
            }
        }
        return text.toString();
    }
}
