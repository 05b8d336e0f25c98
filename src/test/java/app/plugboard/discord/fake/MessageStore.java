package app.plugboard.discord.fake;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Messages as Discord would store them: created from what the bot sent, edited in place. */
final class MessageStore {

    static final int EPHEMERAL = 1 << 6;
    static final int LOADING = 1 << 7;
    static final int MAX_CONTENT = 2_000;
    static final int MAX_EMBEDS = 10;
    static final int MAX_CUSTOM_ID = 100;

    private final Snowflakes snowflakes;
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final List<String> creationOrder = new CopyOnWriteArrayList<>();

    MessageStore(Snowflakes snowflakes) {
        this.snowflakes = snowflakes;
    }

    /** What Discord would answer with 50035/50006 for this create or edit body, or null when it is fine. */
    static String problem(JsonNode body, boolean creating) {
        String content = body.path("content").asString("");
        if (content.length() > MAX_CONTENT) {
            return "content: Must be " + MAX_CONTENT + " or fewer in length (was " + content.length() + ")";
        }
        if (body.path("embeds").size() > MAX_EMBEDS) {
            return "embeds: Must be " + MAX_EMBEDS + " or fewer in length";
        }
        for (JsonNode component : Json.components(body)) {
            if (component.path("custom_id").asString("").length() > MAX_CUSTOM_ID) {
                return "components: custom_id must be " + MAX_CUSTOM_ID + " or fewer in length";
            }
        }
        boolean empty = content.isEmpty() && body.path("embeds").isEmpty() && body.path("components").isEmpty();
        if (creating && empty) {
            return "Cannot send an empty message";
        }
        return null;
    }

    /** Stores a new message built from a create body; returns its snapshot. */
    FakeMessage create(ObjectNode envelope, JsonNode body) {
        String id = Long.toUnsignedString(snowflakes.next());
        ObjectNode message = Json.copyOf(envelope);
        message.put("id", id);
        message.put("content", body.path("content").asString(""));
        message.put("timestamp", now());
        message.putNull("edited_timestamp");
        message.put("tts", body.path("tts").asBoolean(false));
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("pinned", false);
        message.put("flags", body.path("flags").asInt(0) | envelope.path("flags").asInt(0));
        message.set("embeds", embeds(body.path("embeds")));
        message.set("components", body.path("components").isArray() ? body.path("components").deepCopy() : Json.array());
        message.putArray("attachments");
        message.putArray("reactions");
        Json.assignComponentIds(message);
        messages.put(id, message);
        creationOrder.add(id);
        return snapshot(message);
    }

    /** Applies an edit body the way Discord does: fields present replace, absent ones stay. */
    Optional<FakeMessage> edit(String id, JsonNode body) {
        ObjectNode message = messages.get(id);
        if (message == null) {
            return Optional.empty();
        }
        synchronized (message) {
            if (body.has("content")) {
                message.put("content", body.path("content").asString(""));
            }
            if (body.has("embeds")) {
                message.set("embeds", embeds(body.path("embeds")));
            }
            if (body.has("components")) {
                message.set("components",
                        body.path("components").isArray() ? body.path("components").deepCopy() : Json.array());
            }
            int flags = message.path("flags").asInt(0) & ~LOADING;
            if (body.has("flags")) { // an edit cannot make a message ephemeral, or public again
                flags = (flags & EPHEMERAL) | (body.path("flags").asInt(0) & ~(EPHEMERAL | LOADING));
            }
            message.put("flags", flags);
            message.put("edited_timestamp", now());
            Json.assignComponentIds(message);
            return Optional.of(snapshot(message));
        }
    }

    Optional<FakeMessage> get(String id) {
        ObjectNode message = messages.get(id);
        if (message == null) {
            return Optional.empty();
        }
        synchronized (message) {
            return Optional.of(snapshot(message));
        }
    }

    List<FakeMessage> inChannel(long channelId) {
        List<FakeMessage> found = new ArrayList<>();
        for (String id : creationOrder) {
            get(id).filter(message -> message.channelId() == channelId).ifPresent(found::add);
        }
        return found;
    }

    /** Forgets a message (a long run forgets what is over). */
    void remove(String id) {
        if (messages.remove(id) != null) {
            creationOrder.remove(id);
        }
    }

    private static FakeMessage snapshot(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        return new FakeMessage(copy.path("id").asString(), copy);
    }

    private static ArrayNode embeds(JsonNode sent) {
        ArrayNode embeds = Json.array();
        for (JsonNode embed : sent) {
            ObjectNode copy = Json.copyOf(embed);
            if (!copy.has("type")) {
                copy.put("type", "rich");
            }
            embeds.add(copy);
        }
        return embeds;
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }
}
