package app.plugboard.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code data} of slash command and autocomplete interactions from the commands the bot registered,
 * the way the Discord client would let a person type them: mistakes fail fast in the test (a command the bot
 * never registered, an unknown option, a missing required option, a command not available in DMs). Options
 * are strings, the only type Plugboard declares.
 */
final class CommandPayloads {

    static final int CONTEXT_GUILD = 0;
    static final int CONTEXT_BOT_DM = 1;
    private static final int OPTION_SUB_COMMAND = 1;
    private static final int OPTION_SUB_COMMAND_GROUP = 2;
    private static final int OPTION_STRING = 3;

    private final Supplier<List<JsonNode>> commands;

    CommandPayloads(Supplier<List<JsonNode>> commands) {
        this.commands = commands;
    }

    /** The {@code data} of a slash command or autocomplete interaction ({@code focused} null for a command). */
    ObjectNode commandData(String command, String subcommand, Map<String, ?> options, String focused,
                           boolean inGuild) {
        JsonNode schema = findCommand(command, inGuild);
        ObjectNode data = Json.object()
                .put("id", schema.path("id").asString())
                .put("name", command)
                .put("type", 1);
        ArrayNode target = data.putArray("options");
        JsonNode schemaOptions = schema.path("options");
        if (subcommand != null) {
            String[] path = subcommand.trim().split("\\s+");
            for (int depth = 0; depth < path.length; depth++) {
                int optionType = depth == path.length - 1 ? OPTION_SUB_COMMAND : OPTION_SUB_COMMAND_GROUP;
                schemaOptions = findOption(schemaOptions, path[depth], optionType, "/" + command).path("options");
                ObjectNode level = target.addObject().put("name", path[depth]).put("type", optionType);
                target = level.putArray("options");
            }
        } else {
            for (JsonNode option : schemaOptions) {
                int optionType = option.path("type").asInt();
                if (optionType == OPTION_SUB_COMMAND || optionType == OPTION_SUB_COMMAND_GROUP) {
                    throw new IllegalArgumentException("/" + command + " needs a subcommand");
                }
            }
        }
        String where = "/" + command + (subcommand == null ? "" : " " + subcommand);
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            JsonNode optionSchema = findOption(schemaOptions, entry.getKey(), -1, where);
            if (optionSchema.path("type").asInt() != OPTION_STRING) {
                throw new IllegalArgumentException(where + " option '" + entry.getKey() + "' has type "
                        + optionSchema.path("type").asInt() + "; the fake builds string options only");
            }
            ObjectNode option = target.addObject().put("name", entry.getKey()).put("type", OPTION_STRING)
                    .put("value", String.valueOf(entry.getValue()));
            if (entry.getKey().equals(focused)) {
                option.put("focused", true);
            }
        }
        if (focused == null) {
            for (JsonNode option : schemaOptions) {
                if (option.path("required").asBoolean(false) && !options.containsKey(option.path("name").asString())) {
                    throw new IllegalArgumentException(where + " requires option '" + option.path("name").asString() + "'");
                }
            }
        }
        return data;
    }

    private JsonNode findCommand(String name, boolean inGuild) {
        for (JsonNode command : commands.get()) {
            if (name.equals(command.path("name").asString()) && command.path("type").asInt(1) == 1) {
                if (!inGuild && !allowedInBotDm(command)) {
                    throw new IllegalArgumentException("/" + name + " is not available in DMs (contexts "
                            + command.path("contexts") + ")");
                }
                return command;
            }
        }
        throw new IllegalArgumentException("the bot registered no slash command /" + name + "; registered: "
                + commands.get().stream().map(c -> c.path("name").asString()).toList());
    }

    private static boolean allowedInBotDm(JsonNode command) {
        JsonNode contexts = command.path("contexts");
        if (contexts.isArray()) {
            for (JsonNode context : contexts) {
                if (context.asInt(-1) == CONTEXT_BOT_DM) {
                    return true;
                }
            }
            return false;
        }
        return command.path("dm_permission").asBoolean(true);
    }

    private static JsonNode findOption(JsonNode options, String name, int type, String where) {
        List<String> known = new ArrayList<>();
        for (JsonNode option : options) {
            known.add(option.path("name").asString());
            if (name.equals(option.path("name").asString()) && (type < 0 || option.path("type").asInt() == type)) {
                return option;
            }
        }
        throw new IllegalArgumentException(where.trim() + " has no " + (type == OPTION_SUB_COMMAND ? "subcommand"
                : type == OPTION_SUB_COMMAND_GROUP ? "subcommand group" : "option") + " '" + name + "'; it has "
                + known);
    }
}
