package app.plugboard.discord.fake;

import app.plugboard.discord.fake.Rejection.Kind;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes a bot like Plugboard uses, answered as Discord would, with Discord's refusals: log in
 * ({@code users/@me}), register its commands, answer interactions and edit the answers, open a DM and write
 * in it. Any other route is answered 404 and recorded ({@link FakeDiscord#unknownRoutes()}).
 */
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
                if (n == 5 && s[3].equals("messages") && s[4].equals("@original") && m.equals("PATCH")) {
                    return editOriginal(r, s[1], s[2]);
                }
            }
            case "users" -> {
                if (n == 2 && s[1].equals("@me") && m.equals("GET")) {
                    return RestResponse.ok(selfUser());
                }
                if (n == 3 && s[1].equals("@me") && s[2].equals("channels") && m.equals("POST")) {
                    return openDm(r);
                }
            }
            case "applications" -> {
                if (n == 3 && s[1].equals(Entities.str(fake.applicationId())) && s[2].equals("commands") && m.equals("PUT")) {
                    ArrayNode stored = Json.array();
                    fake.putCommands(r.body()).forEach(stored::add);
                    return RestResponse.ok(stored);
                }
            }
            case "gateway" -> {
                if (n == 2 && s[1].equals("bot") && m.equals("GET")) {
                    return RestResponse.ok(fake.shardLimits.gatewayBot(fake.gatewayUrl()));
                }
            }
            case "channels" -> {
                if (n == 3 && s[2].equals("messages") && m.equals("POST")) {
                    return createMessage(r, s[1]);
                }
            }
            default -> {
                // below
            }
        }
        fake.recordUnknownRoute(r.method(), r.path());
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
        if (interaction.expired() || ageMillis > FakeDiscord.ACKNOWLEDGE_DEADLINE.toMillis()) {
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
                message = fake.messages.create(fake.entities.interactionMessageEnvelope(interaction, 0), data);
                interaction.acknowledge(type, message.id());
            }
            case Callback.DEFERRED_REPLY -> {
                int flags = MessageStore.LOADING | (data.path("flags").asInt(0) & MessageStore.EPHEMERAL);
                message = fake.messages.create(fake.entities.interactionMessageEnvelope(interaction, flags), Json.object());
                interaction.acknowledge(type, message.id());
            }
            case Callback.DEFERRED_UPDATE -> interaction.acknowledge(type, interaction.sourceMessageId());
            case Callback.UPDATE_MESSAGE -> {
                message = fake.messages.edit(interaction.sourceMessageId(), data)
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

    // ---------------------------------------------------------------- the answer, edited later

    private RestResponse editOriginal(RestRequest r, String applicationId, String token) {
        FakeInteraction interaction = fake.interactionByToken(token).orElse(null);
        if (interaction == null || !applicationId.equals(Entities.str(fake.applicationId()))
                || System.currentTimeMillis() - interaction.createdAtMillis() > TOKEN_LIFETIME.toMillis()) {
            return fake.reject(Kind.UNKNOWN_WEBHOOK, 404, 10015, "Unknown Webhook", r,
                    interaction == null ? null : interaction.id(), "no live interaction with this token");
        }
        String messageId = interaction.originalMessageId();
        if (messageId == null || fake.message(messageId).isEmpty()) {
            return fake.reject(Kind.UNKNOWN_MESSAGE, 404, 10008, "Unknown Message", r, interaction.id(),
                    "the interaction has no response message (yet)");
        }
        String problem = MessageStore.problem(r.body(), false);
        if (problem != null) {
            return invalidFormBody(r, interaction, problem);
        }
        FakeMessage edited = fake.messages.edit(messageId, r.body()).orElseThrow();
        interaction.recordOriginalEdit(r.body().deepCopy());
        return RestResponse.ok(edited.body());
    }

    // ---------------------------------------------------------------- the bot itself, DMs

    private JsonNode selfUser() {
        return fake.entities.botUserJson().put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    private RestResponse openDm(RestRequest r) {
        String recipient = r.body().path("recipient_id").asString("");
        Optional<FakeUser> user = parseId(recipient).flatMap(fake::knownUser);
        if (user.isEmpty()) {
            return fake.reject(Kind.UNKNOWN_USER, 404, 10013, "Unknown User", r, null, "no user " + recipient);
        }
        return RestResponse.ok(fake.entities.dmChannelJson(user.get()));
    }

    private RestResponse createMessage(RestRequest r, String channel) {
        Optional<Long> channelId = parseId(channel).filter(this::channelExists);
        if (channelId.isEmpty()) {
            return fake.reject(Kind.UNKNOWN_CHANNEL, 404, 10003, "Unknown Channel", r, null, "no channel " + channel);
        }
        String problem = MessageStore.problem(r.body(), true);
        if (problem != null) {
            return invalidFormBody(r, null, problem);
        }
        Optional<FakeUser> dmUser = fake.userByDmChannel(channelId.get());
        if (dmUser.isPresent() && fake.refusesDirectMessages(dmUser.get())) {
            // not the bot's mistake: the person accepts no direct messages (Discord answers 403, code 50007)
            return RestResponse.error(403, 50007, "Cannot send messages to this user");
        }
        // with enforce_nonce, a nonce the bot used within the last minutes returns that message, creating none
        String nonce = r.body().path("enforce_nonce").asBoolean(false) ? r.body().path("nonce").asString("") : "";
        ObjectNode envelope = fake.entities.messageEnvelope(channelId.get(), 0);
        if (nonce.isEmpty()) {
            return RestResponse.ok(fake.messages.create(envelope, r.body()).body());
        }
        synchronized (fake.nonces()) { // two sends with one nonce at once: still one message
            Optional<FakeMessage> earlier = fake.messageWithNonce(nonce);
            if (earlier.isPresent()) {
                return RestResponse.ok(earlier.get().body());
            }
            FakeMessage created = fake.messages.create(envelope, r.body());
            fake.rememberNonce(nonce, created);
            return RestResponse.ok(created.body());
        }
    }

    private boolean channelExists(long id) {
        return fake.entities.guildOfChannel(id).isPresent() || fake.userByDmChannel(id).isPresent();
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseUnsignedLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
