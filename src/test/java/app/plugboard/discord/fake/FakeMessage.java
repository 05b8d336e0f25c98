package app.plugboard.discord.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot of a message the bot sent, as Discord stores it (with component ids filled in).
 *
 * @param id    the message's snowflake
 * @param body  the full message object
 */
public record FakeMessage(String id, JsonNode body) {

    static final int BUTTON = 2;
    static final int STRING_SELECT = 3;

    public String content() {
        return body.path("content").asString("");
    }

    public long channelId() {
        return body.path("channel_id").asLong();
    }

    public int flags() {
        return body.path("flags").asInt(0);
    }

    /** Flags bit 64. */
    public boolean ephemeral() {
        return (flags() & 64) != 0;
    }

    public List<JsonNode> embeds() {
        List<JsonNode> embeds = new ArrayList<>();
        body.path("embeds").forEach(embeds::add);
        return embeds;
    }

    /** Every component, depth first, including rows. */
    public List<JsonNode> components() {
        return Json.components(body);
    }

    /** The component with this custom id, wherever it sits. */
    public Optional<JsonNode> component(String customId) {
        return components().stream()
                .filter(component -> customId.equals(component.path("custom_id").asString(null)))
                .findFirst();
    }

    public List<JsonNode> buttons() {
        return ofType(BUTTON);
    }

    /** Custom ids of the buttons that have one (link buttons have none), in order. */
    public List<String> buttonCustomIds() {
        return customIds(buttons());
    }

    /** The button whose label is exactly this. */
    public JsonNode button(String label) {
        return buttons().stream()
                .filter(button -> label.equals(button.path("label").asString(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button labelled '" + label + "' in " + body));
    }

    /** Custom ids of the string select menus, in order. */
    public List<String> selectCustomIds() {
        return customIds(ofType(STRING_SELECT));
    }

    /** The option values of a string select menu. */
    public List<String> selectOptionValues(String customId) {
        JsonNode menu = component(customId)
                .orElseThrow(() -> new AssertionError("no component '" + customId + "' in " + body));
        List<String> values = new ArrayList<>();
        menu.path("options").forEach(option -> values.add(option.path("value").asString("")));
        return values;
    }

    /**
     * All text a person would read: content, embed titles, descriptions, field names and values, footers.
     * Handy for "the reply mentions X" assertions.
     */
    public String text() {
        StringBuilder text = new StringBuilder(content());
        for (JsonNode embed : embeds()) {
            append(text, embed.path("title"));
            append(text, embed.path("description"));
            embed.path("fields").forEach(field -> {
                append(text, field.path("name"));
                append(text, field.path("value"));
            });
            append(text, embed.path("footer").path("text"));
        }
        return text.toString();
    }

    private List<JsonNode> ofType(int type) {
        return components().stream().filter(component -> component.path("type").asInt() == type).toList();
    }

    private static List<String> customIds(List<JsonNode> components) {
        return components.stream()
                .map(component -> component.path("custom_id").asString(""))
                .filter(customId -> !customId.isEmpty())
                .toList();
    }

    private static void append(StringBuilder text, JsonNode value) {
        if (value.isString() && !value.asString().isEmpty()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(value.asString());
        }
    }
}
