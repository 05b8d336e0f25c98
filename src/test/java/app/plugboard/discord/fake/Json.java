package app.plugboard.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the fake, and small tree helpers. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A deep copy of a JSON object (an empty object for anything else). */
    static ObjectNode copyOf(JsonNode node) {
        return node instanceof ObjectNode object ? object.deepCopy() : object();
    }

    static JsonNode parse(byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** Every component in a message or modal tree, depth first: rows and their children, labels and theirs. */
    static List<JsonNode> components(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        walkComponents(root.path("components"), found::add);
        return found;
    }

    private static void walkComponents(JsonNode node, Consumer<JsonNode> visitor) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                walkComponents(child, visitor);
            }
        } else if (node.isObject() && node.has("type")) {
            visitor.accept(node);
            walkComponents(node.path("components"), visitor);
            walkComponents(node.path("component"), visitor);
        }
    }

    /** Numbers the components that have no {@code id} yet, 1, 2, 3... as Discord does when it stores them. */
    static void assignComponentIds(JsonNode root) {
        int[] max = {0};
        List<JsonNode> all = components(root);
        all.forEach(component -> max[0] = Math.max(max[0], component.path("id").asInt(0)));
        for (JsonNode component : all) {
            if (component.path("id").asInt(0) <= 0 && component instanceof ObjectNode object) {
                object.put("id", ++max[0]);
            }
        }
    }
}
