package app.plugboard.discord.fake;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One POST to {@code interactions/{id}/{token}/callback}, accepted or not.
 *
 * @param type       the interaction callback type (4 reply, 5 deferred reply, 6 deferred update, 7 update,
 *                   8 autocomplete choices, 9 modal)
 * @param data       the callback's {@code data} (an empty object when the bot sent none)
 * @param status     the HTTP status the fake answered: 200 accepted, 400/404 refused as Discord would
 * @param errorCode  Discord's JSON error code when refused (10062 unknown interaction, 40060 already
 *                   acknowledged, 50035 invalid form body), 0 when accepted
 */
public record Callback(int type, JsonNode data, int status, int errorCode) {

    public static final int REPLY = 4;
    public static final int DEFERRED_REPLY = 5;
    public static final int DEFERRED_UPDATE = 6;
    public static final int UPDATE_MESSAGE = 7;
    public static final int AUTOCOMPLETE_RESULT = 8;
    public static final int MODAL = 9;

    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** Flags bit 64: only the invoking user sees the message. */
    public boolean ephemeral() {
        return (data.path("flags").asInt(0) & 64) != 0;
    }

    public String content() {
        return data.path("content").asString("");
    }

    /** For a modal (type 9): its custom id. */
    public String customId() {
        return data.path("custom_id").asString("");
    }

    /** For autocomplete results (type 8): the names of the offered choices, in order. */
    public List<String> choiceNames() {
        List<String> names = new ArrayList<>();
        data.path("choices").forEach(choice -> names.add(choice.path("name").asString("")));
        return names;
    }

    /** For autocomplete results (type 8): the values of the offered choices, as text, in order. */
    public List<String> choiceValues() {
        List<String> values = new ArrayList<>();
        data.path("choices").forEach(choice -> values.add(choice.path("value").asString("")));
        return values;
    }
}
