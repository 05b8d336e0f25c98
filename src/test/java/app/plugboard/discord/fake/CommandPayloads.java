package app.plugboard.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code data} of slash command and autocomplete interactions. When the bot registered the command,
 * option types come from its declaration and mistakes fail fast (unknown option, missing required option,
 * command not available in DMs); when the bot registered nothing, types follow the Java values.
 */
final class CommandPayloads {

    static final int CONTEXT_GUILD = 0;
    static final int CONTEXT_BOT_DM = 1;
    private static final int OPTION_SUB_COMMAND = 1;
    private static final int OPTION_SUB_COMMAND_GROUP = 2;
    private static final int OPTION_STRING = 3;
    private static final int OPTION_INTEGER = 4;
    private static final int OPTION_BOOLEAN = 5;
    private static final int OPTION_USER = 6;
    private static final int OPTION_CHANNEL = 7;
    private static final int OPTION_ROLE = 8;
    private static final int OPTION_MENTIONABLE = 9;
    private static final int OPTION_NUMBER = 10;

    private final Entities entities;
    private final Snowflakes snowflakes;
    private final Supplier<List<JsonNode>> globalCommands;
    private final Supplier<List<JsonNode>> guildCommands;

    CommandPayloads(Entities entities, Snowflakes snowflakes, Supplier<List<JsonNode>> globalCommands,
                    Supplier<List<JsonNode>> guildCommands) {
        this.entities = entities;
        this.snowflakes = snowflakes;
        this.globalCommands = globalCommands;
        this.guildCommands = guildCommands;
    }

    /** The {@code data} of a slash command or autocomplete interaction ({@code focused} null for a command). */
    ObjectNode commandData(String command, String subcommand, Map<String, ?> options, String focused,
                           boolean inGuild) {
        JsonNode schema = findCommand(command, inGuild);
        ObjectNode data = Json.object()
                .put("id", schema != null ? schema.path("id").asString() : Entities.str(snowflakes.next()))
                .put("name", command)
                .put("type", 1);
        if (schema != null && schema.has("guild_id")) {
            data.put("guild_id", schema.path("guild_id").asString());
        }
        ObjectNode resolved = Json.object();
        ArrayNode top = data.putArray("options");
        ArrayNode target = top;
        JsonNode schemaOptions = schema == null ? null : schema.path("options");
        if (subcommand != null) {
            String[] path = subcommand.trim().split("\\s+");
            for (int depth = 0; depth < path.length; depth++) {
                int optionType = depth == path.length - 1 ? OPTION_SUB_COMMAND : OPTION_SUB_COMMAND_GROUP;
                if (schemaOptions != null) {
                    schemaOptions = findOption(schemaOptions, path[depth], optionType, "/" + command)
                            .path("options");
                }
                ObjectNode level = target.addObject().put("name", path[depth]).put("type", optionType);
                target = level.putArray("options");
            }
        } else if (schemaOptions != null) {
            for (JsonNode option : schemaOptions) {
                int optionType = option.path("type").asInt();
                if (optionType == OPTION_SUB_COMMAND || optionType == OPTION_SUB_COMMAND_GROUP) {
                    throw new IllegalArgumentException("/" + command + " needs a subcommand");
                }
            }
        }
        for (Map.Entry<String, ?> entry : options.entrySet()) {
            String where = "/" + command + (subcommand == null ? "" : " " + subcommand);
            JsonNode optionSchema = schemaOptions == null ? null
                    : findOption(schemaOptions, entry.getKey(), -1, where);
            int optionType = optionSchema != null ? optionSchema.path("type").asInt() : inferType(entry.getValue());
            ObjectNode option = target.addObject().put("name", entry.getKey()).put("type", optionType);
            if (entry.getKey().equals(focused)) {
                option.put("value", String.valueOf(entry.getValue()));
                option.put("focused", true);
            } else {
                setOptionValue(option, optionType, entry.getValue(), resolved, inGuild);
            }
        }
        if (schemaOptions != null && focused == null) {
            for (JsonNode option : schemaOptions) {
                if (option.path("required").asBoolean(false) && !options.containsKey(option.path("name").asString())) {
                    throw new IllegalArgumentException("/" + command + " requires option '"
                            + option.path("name").asString() + "'");
                }
            }
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return data;
    }

    private JsonNode findCommand(String name, boolean inGuild) {
        List<JsonNode> candidates = new ArrayList<>(globalCommands.get());
        if (inGuild) {
            candidates.addAll(0, guildCommands.get());
        }
        for (JsonNode command : candidates) {
            if (name.equals(command.path("name").asString()) && command.path("type").asInt(1) == 1) {
                if (!inGuild && !allowedInBotDm(command)) {
                    throw new IllegalArgumentException("/" + name + " is not available in DMs (contexts "
                            + command.path("contexts") + ")");
                }
                return command;
            }
        }
        boolean anyRegistered = !globalCommands.get().isEmpty() || !guildCommands.get().isEmpty();
        if (anyRegistered) {
            throw new IllegalArgumentException("the bot registered no slash command /" + name
                    + (inGuild ? "" : " usable in DMs") + "; registered: "
                    + registered().stream().map(c -> c.path("name").asString()).toList());
        }
        return null; // nothing registered: option types are inferred from the Java values
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

    private static int inferType(Object value) {
        if (value instanceof FakeUser) {
            return OPTION_USER;
        }
        if (value instanceof Boolean) {
            return OPTION_BOOLEAN;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return OPTION_INTEGER;
        }
        if (value instanceof Number) {
            return OPTION_NUMBER;
        }
        return OPTION_STRING;
    }

    private void setOptionValue(ObjectNode option, int type, Object value, ObjectNode resolved, boolean inGuild) {
        switch (type) {
            case OPTION_STRING -> option.put("value", String.valueOf(value));
            case OPTION_INTEGER -> option.put("value", value instanceof Number n ? n.longValue()
                    : Long.parseLong(String.valueOf(value)));
            case OPTION_NUMBER -> option.put("value", value instanceof Number n ? n.doubleValue()
                    : Double.parseDouble(String.valueOf(value)));
            case OPTION_BOOLEAN -> {
                boolean flag = value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
                option.put("value", flag);
            }
            case OPTION_USER, OPTION_MENTIONABLE -> {
                if (!(value instanceof FakeUser user)) {
                    throw new IllegalArgumentException("option '" + option.path("name").asString()
                            + "' takes a FakeUser, not " + value);
                }
                option.put("value", user.idString());
                resolvedObject(resolved, "users").set(user.idString(), entities.userJson(user));
                if (inGuild) {
                    ObjectNode member = entities.memberJson(user, true);
                    member.remove("user");
                    resolvedObject(resolved, "members").set(user.idString(), member);
                }
            }
            case OPTION_CHANNEL -> {
                long id = value instanceof Number n ? n.longValue() : Long.parseUnsignedLong(String.valueOf(value));
                option.put("value", Entities.str(id));
                if (id != entities.channelId) {
                    throw new IllegalArgumentException("the fake guild has only channel "
                            + Entities.str(entities.channelId));
                }
                resolvedObject(resolved, "channels").set(Entities.str(id), entities.guildChannelJson(true));
            }
            case OPTION_ROLE -> {
                long id = value instanceof Number n ? n.longValue() : Long.parseUnsignedLong(String.valueOf(value));
                option.put("value", Entities.str(id));
                ObjectNode role = id == entities.adminRoleId
                        ? entities.role(entities.adminRoleId, "Admin", Entities.ADMINISTRATOR, 1)
                        : entities.role(entities.guildId, "@everyone", Entities.EVERYONE_PERMISSIONS, 0);
                resolvedObject(resolved, "roles").set(Entities.str(id), role);
            }
            default -> throw new IllegalArgumentException("option type " + type + " is not supported by the fake");
        }
    }

    private static ObjectNode resolvedObject(ObjectNode resolved, String name) {
        JsonNode existing = resolved.get(name);
        return existing instanceof ObjectNode object ? object : resolved.putObject(name);
    }

    private List<JsonNode> registered() {
        List<JsonNode> all = new ArrayList<>(globalCommands.get());
        all.addAll(guildCommands.get());
        return all;
    }
}
