package app.plugboard.discord.fake;

import app.plugboard.discord.fake.Rejection.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The REST routes JDA uses, answered as Discord would, with Discord's refusals. */
final class RestRoutes {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final FakeDiscord fake;

    RestRoutes(FakeDiscord fake) {
        this.fake = fake;
    }

    RestResponse route(RestRequest r) {
        String[] s = r.segments();
        boolean needsToken = !s[0].equals("interactions") && !s[0].equals("webhooks");
        if (needsToken && !("Bot " + fake.token()).equals(r.authorization())) {
            return fake.reject(Kind.UNAUTHORIZED, 401, 0, "401: Unauthorized", r, null,
                    "Authorization header missing or with another token");
        }
        String m = r.method();
        int n = s.length;
        switch (s[0]) {
            case "interactions" -> {
                if (n == 4 && s[3].equals("callback") && m.equals("POST")) {
                    return callback(r, s[1], s[2]);
                }
            }
            case "webhooks" -> {
                if (n >= 3) {
                    return webhook(r, s);
                }
            }
            case "users" -> {
                if (n == 2 && m.equals("GET")) {
                    return s[1].equals("@me") ? RestResponse.ok(selfUser()) : user(r, s[1]);
                }
                if (n == 3 && s[1].equals("@me") && s[2].equals("channels") && m.equals("POST")) {
                    return openDm(r);
                }
            }
            case "gateway" -> {
                if (m.equals("GET")) {
                    return RestResponse.ok(gateway(n == 2 && s[1].equals("bot")));
                }
            }
            case "applications" -> {
                if (n >= 3 && s[1].equals(Entities.str(fake.applicationId()))) {
                    return applications(r, s);
                }
            }
            case "channels" -> {
                if (n >= 2) {
                    return channels(r, s);
                }
            }
            case "guilds" -> {
                if (n >= 2 && s[1].equals(Entities.str(fake.guildId()))) {
                    return guilds(r, s);
                }
            }
            default -> {
                // below
            }
        }
        return unknown(r);
    }

    RestResponse attachment(String rest) {
        String[] s = rest.split("/");
        if (s.length >= 2) {
            Optional<byte[]> content = fake.messages.upload(s[1]);
            if (content.isPresent()) {
                return RestResponse.bytes(content.get());
            }
        }
        return RestResponse.error(404, 0, "404: Not Found");
    }

    // ---------------------------------------------------------------- interaction callbacks

    private RestResponse callback(RestRequest r, String interactionId, String token) {
        long arrivedAt = System.nanoTime();
        int type = r.body().path("type").asInt(-1);
        JsonNode data = r.body().path("data").isObject() ? r.body().path("data").deepCopy() : Json.object();
        FakeInteraction interaction = fake.interactionById(interactionId)
                .filter(found -> found.token().equals(token))
                .orElse(null);
        if (interaction == null) {
            return fake.reject(Kind.UNKNOWN_INTERACTION, 404, 10062, "Unknown interaction", r, interactionId,
                    "no interaction with this id and token");
        }
        synchronized (interaction) {
            RestResponse answer = acknowledge(r, interaction, type, data);
            int code = answer.status() >= 400 ? answer.json().path("code").asInt() : 0;
            interaction.recordCallback(new Callback(type, data, answer.status(), code), arrivedAt);
            return answer;
        }
    }

    /** Decides a callback as Discord does; the caller holds the interaction's monitor. */
    private RestResponse acknowledge(RestRequest r, FakeInteraction interaction, int type, JsonNode data) {
        Integer previous = interaction.acknowledgedWith();
        if (previous != null) {
            boolean modalAfterDefer = type == Callback.MODAL
                    && (previous == Callback.DEFERRED_REPLY || previous == Callback.DEFERRED_UPDATE);
            return fake.reject(modalAfterDefer ? Kind.MODAL_AFTER_DEFER : Kind.ALREADY_ACKNOWLEDGED, 400, 40060,
                    "Interaction has already been acknowledged.", r, interaction.id(),
                    "callback type " + type + " after the interaction was acknowledged with type " + previous);
        }
        long ageMillis = System.currentTimeMillis() - interaction.createdAtMillis();
        if (interaction.expired()
                || (fake.deadlineEnforced() && ageMillis > FakeDiscord.ACKNOWLEDGE_DEADLINE.toMillis())) {
            interaction.expire();
            return fake.reject(Kind.UNKNOWN_INTERACTION, 404, 10062, "Unknown interaction", r, interaction.id(),
                    "first callback (type " + type + ") " + ageMillis + " ms after the interaction was created");
        }
        String wrongType = wrongCallbackType(interaction, type);
        if (wrongType != null) {
            return invalidFormBody(r, interaction, wrongType);
        }
        if (type == Callback.REPLY || type == Callback.UPDATE_MESSAGE) {
            String problem = MessageStore.problem(data, type == Callback.REPLY);
            if (problem != null) {
                return invalidFormBody(r, interaction, problem);
            }
        }
        FakeMessage message = null;
        switch (type) {
            case Callback.REPLY -> {
                message = fake.messages.create(fake.entities.interactionMessageEnvelope(interaction, 0), data, r.files());
                interaction.acknowledge(type, message.id());
            }
            case Callback.DEFERRED_REPLY -> {
                int flags = MessageStore.LOADING | (data.path("flags").asInt(0) & MessageStore.EPHEMERAL);
                message = fake.messages.create(fake.entities.interactionMessageEnvelope(interaction, flags), Json.object(),
                        r.files());
                interaction.acknowledge(type, message.id());
            }
            case Callback.DEFERRED_UPDATE -> interaction.acknowledge(type, interaction.sourceMessageId());
            case Callback.UPDATE_MESSAGE -> {
                message = fake.messages.edit(interaction.sourceMessageId(), data, r.files())
                        .orElseThrow(() -> new IllegalStateException("the clicked message is gone"));
                interaction.acknowledge(type, message.id());
            }
            case Callback.MODAL -> {
                fake.modalShown(interaction, data);
                interaction.acknowledge(type, null);
            }
            default -> interaction.acknowledge(type, null); // autocomplete choices
        }
        ObjectNode body = Json.object();
        ObjectNode about = body.putObject("interaction").put("id", interaction.id()).put("type", interaction.type());
        ObjectNode resource = body.putObject("resource").put("type", type);
        if (message != null) {
            about.put("response_message_id", message.id())
                    .put("response_message_loading", type == Callback.DEFERRED_REPLY)
                    .put("response_message_ephemeral", message.ephemeral());
            resource.set("message", message.body());
        }
        return RestResponse.ok(body);
    }

    private static String wrongCallbackType(FakeInteraction interaction, int type) {
        boolean fromMessage = interaction.sourceMessageId() != null;
        boolean fits = switch (interaction.type()) {
            case FakeInteraction.APPLICATION_COMMAND ->
                    type == Callback.REPLY || type == Callback.DEFERRED_REPLY || type == Callback.MODAL;
            case FakeInteraction.MESSAGE_COMPONENT -> type >= Callback.REPLY && type <= Callback.UPDATE_MESSAGE
                    || type == Callback.MODAL;
            case FakeInteraction.AUTOCOMPLETE -> type == Callback.AUTOCOMPLETE_RESULT;
            case FakeInteraction.MODAL_SUBMIT -> type == Callback.REPLY || type == Callback.DEFERRED_REPLY
                    || (fromMessage && (type == Callback.DEFERRED_UPDATE || type == Callback.UPDATE_MESSAGE));
            default -> false;
        };
        return fits ? null : "callback type " + type + " does not fit interaction type " + interaction.type()
                + (fromMessage ? "" : " (not from a message)");
    }

    private RestResponse invalidFormBody(RestRequest r, FakeInteraction interaction, String detail) {
        return fake.reject(Kind.INVALID_FORM_BODY, 400, 50035, "Invalid Form Body: " + detail, r,
                interaction == null ? null : interaction.id(), detail);
    }

    // ---------------------------------------------------------------- interaction webhooks

    private RestResponse webhook(RestRequest r, String[] s) {
        FakeInteraction interaction = fake.interactionByToken(s[2]).orElse(null);
        if (interaction == null || !s[1].equals(Entities.str(fake.applicationId()))
                || System.currentTimeMillis() - interaction.createdAtMillis() > TOKEN_LIFETIME.toMillis()) {
            return fake.reject(Kind.UNKNOWN_WEBHOOK, 404, 10015, "Unknown Webhook", r,
                    interaction == null ? null : interaction.id(), "no live interaction with this token");
        }
        if (s.length == 3 && r.method().equals("POST")) {
            return followUp(r, interaction);
        }
        if (s.length != 5 || !s[3].equals("messages")) {
            return unknown(r);
        }
        boolean original = s[4].equals("@original");
        String messageId = original ? interaction.originalMessageId() : s[4];
        Optional<FakeMessage> message = messageId == null ? Optional.empty() : fake.message(messageId);
        if (message.isEmpty() || (!original && !belongsTo(message.get(), interaction))) {
            return fake.reject(Kind.UNKNOWN_MESSAGE, 404, 10008, "Unknown Message", r, interaction.id(),
                    original ? "the interaction has no response message (yet)" : "no follow-up " + s[4]);
        }
        switch (r.method()) {
            case "GET" -> {
                return RestResponse.ok(message.get().body());
            }
            case "PATCH" -> {
                String problem = MessageStore.problem(r.body(), false);
                if (problem != null) {
                    return invalidFormBody(r, interaction, problem);
                }
                FakeMessage edited = fake.messages.edit(messageId, r.body(), r.files()).orElseThrow();
                if (original) {
                    interaction.recordOriginalEdit(r.body().deepCopy());
                } else {
                    interaction.changed();
                }
                return RestResponse.ok(edited.body());
            }
            case "DELETE" -> {
                fake.messages.delete(messageId);
                interaction.changed();
                return RestResponse.noContent();
            }
            default -> {
                return unknown(r);
            }
        }
    }

    private RestResponse followUp(RestRequest r, FakeInteraction interaction) {
        synchronized (interaction) {
            Integer acknowledged = interaction.acknowledgedWith();
            if (acknowledged == null) {
                return fake.reject(Kind.UNKNOWN_WEBHOOK, 404, 10015, "Unknown Webhook", r, interaction.id(),
                        "follow-up before the interaction was acknowledged");
            }
            String problem = MessageStore.problem(r.body(), true);
            if (problem != null) {
                return invalidFormBody(r, interaction, problem);
            }
            String originalId = interaction.originalMessageId();
            Optional<FakeMessage> loading = originalId == null ? Optional.empty() : fake.message(originalId)
                    .filter(original -> (original.flags() & MessageStore.LOADING) != 0);
            FakeMessage message;
            if (acknowledged == Callback.DEFERRED_REPLY && loading.isPresent()) {
                // Discord: right after a deferred reply, a follow-up edits the loading message instead
                ObjectNode edit = Json.copyOf(r.body());
                edit.remove("flags");
                message = fake.messages.edit(originalId, edit, r.files()).orElseThrow();
            } else {
                ObjectNode envelope = fake.entities.interactionMessageEnvelope(interaction, 0);
                message = fake.messages.create(envelope, r.body(), r.files());
            }
            interaction.recordFollowUp(r.body().deepCopy(), message.id());
            return RestResponse.ok(message.body());
        }
    }

    private static boolean belongsTo(FakeMessage message, FakeInteraction interaction) {
        return interaction.id().equals(message.body().path("interaction_metadata").path("id").asString(""));
    }

    // ---------------------------------------------------------------- users, channels, guild, commands

    private JsonNode selfUser() {
        return fake.entities.botUserJson().put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    private RestResponse user(RestRequest r, String id) {
        Optional<FakeUser> user = parseId(id).flatMap(fake::knownUser);
        if (user.isPresent()) {
            return RestResponse.ok(fake.entities.userJson(user.get()));
        }
        if (id.equals(Entities.str(fake.botUserId()))) {
            return RestResponse.ok(fake.entities.botUserJson());
        }
        return fake.reject(Kind.UNKNOWN_USER, 404, 10013, "Unknown User", r, null, "no user " + id);
    }

    private RestResponse openDm(RestRequest r) {
        String recipient = r.body().path("recipient_id").asString("");
        Optional<FakeUser> user = parseId(recipient).flatMap(fake::knownUser);
        if (user.isEmpty()) {
            return fake.reject(Kind.UNKNOWN_USER, 404, 10013, "Unknown User", r, null, "no user " + recipient);
        }
        return RestResponse.ok(fake.entities.dmChannelJson(user.get()));
    }

    private JsonNode gateway(boolean bot) {
        ObjectNode gateway = Json.object().put("url", fake.gatewayUrl());
        if (bot) {
            gateway.put("shards", 1);
            gateway.putObject("session_start_limit").put("total", 1000).put("remaining", 1000)
                    .put("reset_after", 0).put("max_concurrency", 1);
        }
        return gateway;
    }

    private RestResponse channels(RestRequest r, String[] s) {
        Optional<Long> channelId = parseId(s[1]);
        Optional<ObjectNode> channel = channelId.flatMap(this::channel);
        if (channel.isEmpty()) {
            return fake.reject(Kind.UNKNOWN_CHANNEL, 404, 10003, "Unknown Channel", r, null, "no channel " + s[1]);
        }
        long id = channelId.get();
        String m = r.method();
        if (s.length == 2 && m.equals("GET")) {
            return RestResponse.ok(channel.get());
        }
        if (s.length == 3 && s[2].equals("typing") && m.equals("POST")) {
            return RestResponse.noContent();
        }
        if (s.length == 3 && s[2].equals("messages")) {
            if (m.equals("POST")) {
                String problem = MessageStore.problem(r.body(), true);
                if (problem != null) {
                    return invalidFormBody(r, null, problem);
                }
                int type = r.body().has("message_reference") ? 19 : 0;
                ObjectNode envelope = fake.entities.messageEnvelope(id, type);
                return RestResponse.ok(fake.messages.create(envelope, r.body(), r.files()).body());
            }
            if (m.equals("GET")) {
                ArrayNode history = Json.array();
                List<FakeMessage> all = fake.messagesIn(id);
                for (int i = all.size() - 1; i >= 0; i--) {
                    history.add(all.get(i).body());
                }
                return RestResponse.ok(history);
            }
        }
        if (s.length == 4 && s[2].equals("messages")) {
            Optional<FakeMessage> message = fake.message(s[3]).filter(found -> found.channelId() == id);
            if (message.isEmpty()) {
                return fake.reject(Kind.UNKNOWN_MESSAGE, 404, 10008, "Unknown Message", r, null, "no message " + s[3]);
            }
            switch (m) {
                case "GET" -> {
                    return RestResponse.ok(message.get().body());
                }
                case "PATCH" -> {
                    String problem = MessageStore.problem(r.body(), false);
                    if (problem != null) {
                        return invalidFormBody(r, null, problem);
                    }
                    return RestResponse.ok(fake.messages.edit(s[3], r.body(), r.files()).orElseThrow().body());
                }
                case "DELETE" -> {
                    fake.messages.delete(s[3]);
                    return RestResponse.noContent();
                }
                default -> {
                    // below
                }
            }
        }
        return unknown(r);
    }

    private Optional<ObjectNode> channel(long id) {
        if (id == fake.channelId()) {
            return Optional.of(fake.entities.guildChannelJson(false));
        }
        return fake.userByDmChannel(id).map(fake.entities::dmChannelJson);
    }

    private RestResponse guilds(RestRequest r, String[] s) {
        if (!r.method().equals("GET")) {
            return unknown(r);
        }
        if (s.length == 2) {
            return RestResponse.ok(fake.entities.guildCreatePayload());
        }
        if (s.length == 3 && s[2].equals("channels")) {
            return RestResponse.ok(Json.array().add(fake.entities.guildChannelJson(false)));
        }
        if (s.length == 4 && s[2].equals("members")) {
            Optional<FakeUser> user = parseId(s[3]).flatMap(fake::knownUser);
            if (user.isPresent()) {
                return RestResponse.ok(fake.entities.memberJson(user.get(), false));
            }
            return fake.reject(Kind.UNKNOWN_USER, 404, 10007, "Unknown Member", r, null, "no member " + s[3]);
        }
        return unknown(r);
    }

    private RestResponse applications(RestRequest r, String[] s) {
        long commandGuild = 0;
        int at = 2;
        if (s.length >= 5 && s[2].equals("guilds")) {
            if (!s[3].equals(Entities.str(fake.guildId()))) {
                return RestResponse.error(404, 10004, "Unknown Guild");
            }
            commandGuild = fake.guildId();
            at = 4;
        }
        if (!s[at].equals("commands")) {
            return unknown(r);
        }
        String m = r.method();
        if (s.length == at + 1) {
            switch (m) {
                case "PUT" -> {
                    ArrayNode stored = Json.array();
                    fake.putCommands(commandGuild, r.body()).forEach(stored::add);
                    return RestResponse.ok(stored);
                }
                case "GET" -> {
                    ArrayNode stored = Json.array();
                    fake.commands(commandGuild).forEach(stored::add);
                    return RestResponse.ok(stored);
                }
                case "POST" -> {
                    return RestResponse.ok(fake.upsertCommand(commandGuild, r.body()));
                }
                default -> {
                    return unknown(r);
                }
            }
        }
        if (s.length == at + 2) {
            String commandId = s[at + 1];
            Optional<JsonNode> command = fake.commands(commandGuild).stream()
                    .filter(c -> c.path("id").asString().equals(commandId))
                    .findFirst();
            if (command.isEmpty()) {
                return RestResponse.error(404, 10063, "Unknown application command");
            }
            switch (m) {
                case "GET" -> {
                    return RestResponse.ok(command.get());
                }
                case "PATCH" -> {
                    ObjectNode merged = Json.copyOf(command.get());
                    r.body().properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
                    return RestResponse.ok(fake.upsertCommand(commandGuild, merged));
                }
                case "DELETE" -> {
                    fake.deleteCommand(commandGuild, commandId);
                    return RestResponse.noContent();
                }
                default -> {
                    return unknown(r);
                }
            }
        }
        return unknown(r);
    }

    private RestResponse unknown(RestRequest r) {
        fake.recordUnknownRoute(r.method(), r.path());
        return RestResponse.error(404, 0, "404: Not Found");
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseUnsignedLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
