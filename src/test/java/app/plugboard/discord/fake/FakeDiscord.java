package app.plugboard.discord.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Discord on loopback that the real JDA client logs into: REST on one port, the gateway on another.
 * It holds one guild with one text channel, the bot, its owner and the users a test creates, fires
 * interactions at the bot, and records what the bot sends back, refusing what Discord would refuse
 * (a first acknowledgement after 3 s, a second acknowledgement, a modal after a defer). Like Discord, a
 * message sent with {@code enforce_nonce} and a nonce used in the last minutes returns the earlier message
 * instead of a second one, and a user who accepts no direct messages ({@link #refuseDirectMessages}) gets none
 * (403, code 50007). It can also stumble as Discord does: ask the bot to reconnect ({@link #reconnect()}), or
 * answer requests with a server error or a rate limit ({@link #failNext}). Started {@link #sharded}, it serves several
 * shards as Discord does: guilds on each ({@link #guildOnShard}), each guild's interactions sent to the session of its
 * shard, direct messages to shard 0, {@code GET /gateway/bot} with the shard count and {@code max_concurrency}, and
 * an IDENTIFY sooner than Discord allows in its bucket refused ({@link #identifies()}).
 *
 * <pre>{@code
 * try (FakeDiscord fake = FakeDiscord.start()) {
 *     JDA jda = fake.configure(JDABuilder.createLight(fake.token())).addEventListeners(bot).build().awaitReady();
 *     FakeInteraction ping = fake.slash(fake.user("ada"), "ping", null, Map.of());
 *     assertThat(ping.awaitCallback().content()).isEqualTo("pong");
 * }
 * }</pre>
 */
public final class FakeDiscord implements AutoCloseable {

    /** How long the {@code await...} methods wait before failing. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    /** Discord's limit for the first acknowledgement, counted from the interaction id's timestamp. */
    public static final Duration ACKNOWLEDGE_DEADLINE = Duration.ofSeconds(3);

    static final String API_PREFIX = "/api/v10/";

    private static final int LABEL = 18;
    private static final int TEXT_INPUT = 4;

    final Snowflakes snowflakes = new Snowflakes();
    final Entities entities;
    private final CommandPayloads commandPayloads;
    private final String token;

    private final Map<Long, FakeUser> users = new ConcurrentHashMap<>();
    private final Map<Long, FakeUser> usersByDmChannel = new ConcurrentHashMap<>();
    private final Map<String, FakeInteraction> interactionsById = new ConcurrentHashMap<>();
    private final Map<String, FakeInteraction> interactionsByToken = new ConcurrentHashMap<>();
    private final Map<String, ShownModal> modals = new ConcurrentHashMap<>();
    private final AtomicReference<List<JsonNode>> commands = new AtomicReference<>(List.of());
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final List<String> unknownRoutes = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<PlannedFailure> plannedFailures = new CopyOnWriteArrayList<>();
    private final Set<Long> refusingDirectMessages = ConcurrentHashMap.newKeySet();
    private final Map<String, Nonce> nonces = new ConcurrentHashMap<>();

    private final RateLimits rateLimits = new RateLimits(this);
    private final FakeRestServer rest;
    private final FakeGateway gateway;
    final MessageStore messages;
    final ShardLimits shardLimits;
    final GlobalRateLimit globalRateLimit = new GlobalRateLimit();

    private record ShownModal(JsonNode modal, FakeInteraction opener) {
    }

    /**
     * One IDENTIFY the fake received with a valid token.
     *
     * @param shard   the shard it identified as
     * @param total   the shard count it gave
     * @param bucket  its rate-limit bucket, {@code shard % max_concurrency}
     * @param refused whether it came sooner than Discord allows in its bucket (answered op 9, invalid session)
     */
    public record Identify(int shard, int total, int bucket, java.time.Instant at, boolean refused) {
    }

    /** A nonce the bot sent with {@code enforce_nonce}, and the message it created. */
    private record Nonce(String messageId, long sentAtMillis) {
    }

    /** How long Discord remembers an enforced nonce ("the past few minutes"). */
    static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

    private record Place(boolean inGuild, long channelId) {
    }

    /** {@code left} more requests {@code method path} are answered {@code status}; a {@code {name}} segment matches any. */
    private record PlannedFailure(String method, String[] path, int status, AtomicInteger left) {
        boolean takes(RestRequest request) {
            String[] segments = request.segments();
            if (!method.equals(request.method()) || segments.length != path.length) {
                return false;
            }
            for (int i = 0; i < path.length; i++) {
                if (!path[i].startsWith("{") && !path[i].equals(segments[i])) {
                    return false;
                }
            }
            return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private FakeDiscord(int shards, int maxConcurrency) {
        shardLimits = new ShardLimits(this, shards, maxConcurrency);
        FakeUser owner = newUser("owner", "owner");
        entities = new Entities(snowflakes, owner, users::values);
        commandPayloads = new CommandPayloads(commands::get);
        token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toUnsignedString(entities.botUserId).getBytes(StandardCharsets.US_ASCII))
                + ".fake." + HexFormat.of().formatHex(randomBytes(16));
        rest = new FakeRestServer(this);
        messages = new MessageStore(snowflakes);
        gateway = new FakeGateway(this);
        try {
            gateway.startAndAwait();
        } catch (RuntimeException e) {
            rest.stop();
            throw e;
        }
    }

    /** Starts REST and gateway on 127.0.0.1, each on a free port. */
    public static FakeDiscord start() {
        return new FakeDiscord(1, 1);
    }

    /**
     * A fake that recommends {@code shards} shards ({@code GET /gateway/bot}) and lets {@code maxConcurrency}
     * shards identify at once (each in its own bucket, {@code shard % maxConcurrency}, one IDENTIFY per 5 s each).
     */
    public static FakeDiscord sharded(int shards, int maxConcurrency) {
        return new FakeDiscord(shards, maxConcurrency);
    }

    /** How many shards this fake recommends ({@code GET /gateway/bot}): 1 unless {@link #sharded}. */
    public int recommendedShards() {
        return shardLimits.recommendedShards;
    }

    /** The guild every user is in from the start, and its one text channel ({@link #channelId()}). */
    public FakeGuild guild() {
        return entities.mainGuild();
    }

    /** Every guild of this fake, the first one ({@link #guild()}) included, in the order they were made. */
    public List<FakeGuild> guilds() {
        return entities.guilds();
    }

    /**
     * A new guild, with one text channel and every user as a member, whose id puts it on shard {@code shard} of
     * the shards this fake recommends. Sessions that identify afterwards get it in READY.
     */
    public FakeGuild guildOnShard(int shard) {
        int total = shardLimits.recommendedShards;
        if (shard < 0 || shard >= total) {
            throw new IllegalArgumentException("this fake has shards 0.." + (total - 1) + ", not " + shard);
        }
        return entities.addGuild(snowflakes.nextOnShard(shard, total), snowflakes.next(), "Guild on shard " + shard);
    }

    /** {@code http://127.0.0.1:P/api/v10/}: give it to {@link RestConfig#setBaseUrl(String)}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + rest.port() + API_PREFIX;
    }

    /** {@code ws://127.0.0.1:Q/}: what the session controller's {@code getGateway()} must return. */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** The only token the fake accepts (others get 401 on REST and close 4004 on the gateway). */
    public String token() {
        return token;
    }

    public long applicationId() {
        return entities.applicationId;
    }

    /** The guild's one text channel. */
    public long channelId() {
        return entities.channelId;
    }

    /** A fresh user with a unique snowflake: a member of the guild (no roles) with a DM channel of their own. */
    public FakeUser user(String name) {
        return newUser(name, name);
    }

    /** A fresh user whose display name differs from the username (anyone may pick any display name). */
    public FakeUser user(String name, String displayName) {
        return newUser(name, displayName);
    }

    /**
     * Points a builder at this fake: the REST base URL, a session controller whose gateway is this fake's,
     * and no gateway compression. Everything else of the builder stays as the application set it.
     */
    public JDABuilder configure(JDABuilder builder) {
        String gatewayUrl = gatewayUrl();
        return builder
                .setRestConfig(new RestConfig().setBaseUrl(restBaseUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .setCompression(Compression.NONE);
    }

    // ---------------------------------------------------------------- interactions

    /** A slash command in the guild's text channel. {@code subcommand} may be null, or "group sub". */
    public FakeInteraction slash(FakeUser user, String command, String subcommand, Map<String, ?> options) {
        Place place = new Place(true, entities.channelId);
        return dispatch(FakeInteraction.APPLICATION_COMMAND, user, place,
                commandPayloads.commandData(command, subcommand, options, null, place.inGuild()), null, null);
    }

    /** A slash command in the text channel of {@code guild}. */
    public FakeInteraction slash(FakeUser user, FakeGuild guild, String command, String subcommand, Map<String, ?> options) {
        Place place = new Place(true, guild.channelId());
        return dispatch(FakeInteraction.APPLICATION_COMMAND, user, place,
                commandPayloads.commandData(command, subcommand, options, null, place.inGuild()), null, null);
    }

    /** A slash command in the user's DM with the bot (context 1, bot DM): a user, no member. */
    public FakeInteraction slashInDm(FakeUser user, String command, String subcommand, Map<String, ?> options) {
        Place place = new Place(false, user.dmChannelId());
        return dispatch(FakeInteraction.APPLICATION_COMMAND, user, place,
                commandPayloads.commandData(command, subcommand, options, null, place.inGuild()), null, null);
    }

    /** An autocomplete request in the guild while the user types into {@code focusedOption}. */
    public FakeInteraction autocomplete(FakeUser user, String command, String subcommand, Map<String, ?> options,
                                        String focusedOption) {
        if (!options.containsKey(focusedOption)) {
            throw new IllegalArgumentException("the focused option '" + focusedOption + "' needs a (partial) value");
        }
        Place place = new Place(true, entities.channelId);
        return dispatch(FakeInteraction.AUTOCOMPLETE, user, place,
                commandPayloads.commandData(command, subcommand, options, focusedOption, place.inGuild()), null, null);
    }

    /**
     * The user submits the modal with this custom id that the bot showed them last (which closes it: a second
     * submit needs the bot to show it again). Text inputs take their
     * value from {@code textValues}, selects inside the modal from {@code selectValues}; every input sits in a
     * Label (type 18), as JDA 6 builds modals. Fails like the Discord client would not let a person submit:
     * a modal never shown, an unknown field, a required field left empty, a text outside its length limits.
     */
    public FakeInteraction modalSubmit(FakeUser user, String customId, Map<String, String> textValues,
                                       Map<String, List<String>> selectValues) {
        ShownModal shown = modals.remove(modalKey(user, customId)); // submitting closes it
        if (shown == null) {
            throw new IllegalStateException("the bot never showed modal '" + customId + "' to " + user.name()
                    + "; shown: " + modals.keySet());
        }
        Set<String> unused = new LinkedHashSet<>(textValues.keySet());
        unused.addAll(selectValues.keySet());
        ArrayNode components = Json.array();
        for (JsonNode top : shown.modal().path("components")) {
            if (top.path("type").asInt() != LABEL) {
                throw new IllegalStateException("modal '" + customId + "' holds a component of type "
                        + top.path("type").asInt() + "; the fake submits Labels only");
            }
            ObjectNode label = Json.object().put("type", LABEL).put("id", top.path("id").asInt());
            label.set("component", submittedValue(top.path("component"), textValues, selectValues, unused));
            components.add(label);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("modal '" + customId + "' has no inputs " + unused);
        }
        ObjectNode data = Json.object().put("custom_id", customId);
        data.set("components", components);
        FakeInteraction opener = shown.opener();
        Place place = new Place(opener.inGuild(), opener.channelId());
        String sourceId = opener.sourceMessageId();
        JsonNode message = sourceId == null ? null : messageOrThrow(sourceId).body();
        return dispatch(FakeInteraction.MODAL_SUBMIT, user, place, data, message, sourceId);
    }

    /** The user clicks the button with this custom id on the message (its latest stored version). */
    public FakeInteraction button(FakeUser user, String customId, FakeMessage message) {
        FakeMessage current = latest(message);
        JsonNode button = clickable(user, customId, current, FakeMessage.BUTTON);
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", FakeMessage.BUTTON)
                .put("id", button.path("id").asInt());
        return dispatch(FakeInteraction.MESSAGE_COMPONENT, user, placeOf(current), data, current.body(), current.id());
    }

    /**
     * A button interaction that no honest client would send: {@code user} "clicks" {@code customId} on their own
     * message although the message has no such button (a modified client can send any custom id). The bot must
     * re-check everything the id names.
     */
    public FakeInteraction forgedButton(FakeUser user, String customId, FakeMessage ownMessage) {
        FakeMessage current = latest(ownMessage);
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", FakeMessage.BUTTON).put("id", 1);
        return dispatch(FakeInteraction.MESSAGE_COMPONENT, user, placeOf(current), data, current.body(), current.id());
    }

    /** The user picks {@code values} in the string select menu with this custom id on the message. */
    public FakeInteraction select(FakeUser user, String customId, List<String> values, FakeMessage message) {
        FakeMessage current = latest(message);
        JsonNode menu = clickable(user, customId, current, FakeMessage.STRING_SELECT);
        List<String> offered = current.selectOptionValues(customId);
        if (!offered.containsAll(values)) {
            throw new IllegalArgumentException("menu '" + customId + "' offers " + offered + ", not all of " + values);
        }
        int min = menu.path("min_values").asInt(1);
        int max = menu.path("max_values").asInt(1);
        if (values.size() < min || values.size() > max) {
            throw new IllegalArgumentException("menu '" + customId + "' takes " + min + ".." + max + " values, not "
                    + values.size());
        }
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", FakeMessage.STRING_SELECT)
                .put("id", menu.path("id").asInt());
        ArrayNode chosen = data.putArray("values");
        values.forEach(chosen::add);
        return dispatch(FakeInteraction.MESSAGE_COMPONENT, user, placeOf(current), data, current.body(), current.id());
    }

    /**
     * Dispatches the same INTERACTION_CREATE again, same id and token: what a bot sees when a second process
     * runs with the same token, or a gateway replays an event. Acknowledging it again gets 40060.
     */
    public void redeliver(FakeInteraction interaction) {
        if (gateway.dispatch("INTERACTION_CREATE", interaction.dispatchedPayload()) == 0) {
            throw new IllegalStateException("no bot is connected to the fake gateway for this interaction's shard");
        }
    }

    /**
     * From now on the user accepts no direct messages from the bot (their privacy settings): a message to their
     * DM channel is answered 403 with code 50007, "Cannot send messages to this user", as Discord does.
     */
    public void refuseDirectMessages(FakeUser user) {
        refusingDirectMessages.add(user.id());
    }

    /** The user accepts direct messages again. */
    public void acceptDirectMessages(FakeUser user) {
        refusingDirectMessages.remove(user.id());
    }

    // ---------------------------------------------------------------- what the bot did

    /** The commands the bot registered (its last PUT of the global commands). */
    public List<JsonNode> registeredCommands() {
        return commands.get().stream().map(JsonNode::deepCopy).toList();
    }

    /** Waits until the bot has registered its commands (a bot does once logged in), and returns them. */
    public List<JsonNode> awaitRegisteredCommands() {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        List<JsonNode> registered = registeredCommands();
        while (registered.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot registered no commands within " + DEFAULT_WAIT.toMillis() + " ms");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the bot's commands", e);
            }
            registered = registeredCommands();
        }
        return registered;
    }

    public Optional<JsonNode> registeredCommand(String name) {
        return registeredCommands().stream().filter(c -> name.equals(c.path("name").asString())).findFirst();
    }

    /** Requests the fake refused as Discord would; a well-behaved bot leaves this empty. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** "METHOD path" of each request to a route the fake does not know (answered 404). */
    public List<String> unknownRoutes() {
        return List.copyOf(unknownRoutes);
    }

    /** Requests the fake itself could not handle (answered 500): a bug in the fake, or a body it cannot read. */
    public List<String> fakeFailures() {
        return List.copyOf(failures);
    }

    /** Every REST request so far, in order of arrival. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The message as stored now. */
    public Optional<FakeMessage> message(String messageId) {
        return messages.get(messageId);
    }

    /** The DM messages the bot sent this user (not counting interaction responses in DMs). */
    public List<FakeMessage> directMessagesTo(FakeUser user) {
        return messages.inChannel(user.dmChannelId()).stream()
                .filter(message -> !message.body().has("webhook_id"))
                .toList();
    }

    // ---------------------------------------------------------------- long runs (app.plugboard.soak)

    /**
     * Forgets interactions that are over: the fake stops knowing their ids and tokens (a late callback to one
     * is refused as unknown, as Discord refuses a token older than 15 minutes), the messages they answered with
     * or clicked on, and any form they showed that was never submitted. A run of many minutes calls this when
     * each conversation ends, so the fake holds only what is still in use.
     */
    public void forget(List<FakeInteraction> over) {
        Set<FakeInteraction> gone = Set.copyOf(over);
        for (FakeInteraction interaction : gone) {
            interactionsById.remove(interaction.id());
            interactionsByToken.remove(interaction.token());
            String messageId = interaction.originalMessageId();
            if (messageId != null) {
                messages.remove(messageId);
            }
        }
        modals.values().removeIf(shown -> gone.contains(shown.opener()));
    }

    /** Forgets the REST requests recorded so far ({@link #requests()}), and says how many there were. */
    public int forgetRequests() {
        int count = requests.size();
        requests.clear();
        return count;
    }

    /** The direct messages the bot sent this user so far, which the fake then forgets. */
    public List<FakeMessage> takeDirectMessages(FakeUser user) {
        List<FakeMessage> sent = directMessagesTo(user);
        sent.forEach(message -> messages.remove(message.id()));
        return sent;
    }

    /**
     * Discord stumbles: the next {@code times} requests {@code method path} are answered {@code status} instead,
     * before the fake looks at them (nothing is acknowledged, stored or refused; {@link #requests()} shows them).
     * A 429 comes with Discord's rate-limit headers and one second to wait; any other status with Discord's
     * error body. {@code path} is below {@code /api/v10/}; a segment in braces stands for any (an id, a token):
     * {@code failNext(1, 503, "PATCH", "webhooks/{app}/{token}/messages/@original")}.
     */
    public void failNext(int times, int status, String method, String path) {
        plannedFailures.add(new PlannedFailure(method, path.split("/"), status, new AtomicInteger(times)));
    }

    /**
     * Forgets the failures {@link #failNext} planned and the limits {@link #limitRate} set, and says which of the
     * failures no request met ("METHOD path: n left").
     */
    public List<String> endPlannedFailures() {
        List<String> left = plannedFailures.stream().filter(planned -> planned.left().get() > 0)
                .map(planned -> planned.method() + " " + String.join("/", planned.path()) + ": " + planned.left().get()
                        + " left")
                .toList();
        plannedFailures.clear();
        rateLimits.clear();
        return left;
    }

    /**
     * Discord limits a route: each concrete path of {@code method path} (each interaction token, for a webhook
     * route) takes at most {@code requests} requests per {@code per}, and every answer carries Discord's
     * {@code X-RateLimit-*} headers saying how many are left and when the window resets. A request beyond that, or
     * one sent before a 429's {@code Retry-After} passed (on any route), is answered 429 and is a rejection
     * ({@link Rejection.Kind#RATE_LIMIT_EXCEEDED}): the bot exceeded the rate it was given.
     * {@code limitRate("PATCH", "webhooks/{app}/{token}/messages/@original", 2, Duration.ofSeconds(5))}.
     */
    public void limitRate(String method, String path, int requests, Duration per) {
        rateLimits.limit(method, path, requests, per);
    }

    /** Sends op 7 RECONNECT to every connected client; JDA closes and resumes its session. */
    public void reconnect() {
        gateway.reconnectAll();
    }

    /**
     * Discord's gateway drops the connection, as it does now and then: close code {@code 1006} (the connection
     * just ends) or another code such as {@code 4000} ("unknown error, reconnect"). JDA reconnects and resumes its
     * session; what {@code duringGap} dispatches (while no bot is connected) is replayed on the resume, as Discord
     * does, and must then be answered in time like anything else.
     */
    public void dropGateway(int closeCode, Runnable duringGap) {
        gateway.drop(closeCode, true, duringGap);
    }

    /**
     * As {@link #dropGateway}, but the session cannot be resumed (Discord lost it): the bot is told to identify
     * anew (op 9), and what {@code duringGap} dispatched is never delivered. The interactions it returns exist only
     * at the fake: the bot must not answer them, nor act on them.
     */
    public void dropGatewaySession(int closeCode, Runnable duringGap) {
        gateway.drop(closeCode, false, duringGap);
    }

    /** How many times a client identified (a fresh session). */
    public int identifyCount() {
        return gateway.identifies.get();
    }

    /** Every IDENTIFY with the right token so far, in order, with its shard, bucket, time and whether it was refused. */
    public List<Identify> identifies() {
        return shardLimits.identifies();
    }

    /**
     * Discord's global rate limit for the bot: at most {@code perSecond} requests in any second, interaction
     * callbacks and interaction webhooks not counted (50, as Discord, unless set); one more is answered 429
     * with {@code "global": true} and recorded ({@link #globalRateLimited()}).
     */
    public void globalRateLimit(int perSecond) {
        globalRateLimit.perSecond(perSecond);
    }

    /** "METHOD path" of each request answered 429 for the global rate limit, in order. */
    public List<String> globalRateLimited() {
        return globalRateLimit.limited().stream().map(limited -> limited.method() + " " + limited.path()).toList();
    }

    /** The most requests that counted toward the global rate limit in any one second so far. */
    public int mostRequestsInOneSecond() {
        List<java.time.Instant> times = globalRateLimit.counted();
        int most = 0;
        for (int first = 0, last = 0; last < times.size(); last++) {
            while (Duration.between(times.get(first), times.get(last)).compareTo(Duration.ofSeconds(1)) >= 0) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /** How many times a client resumed a session. */
    public int resumeCount() {
        return gateway.resumes.get();
    }

    @Override
    public void close() {
        try {
            gateway.stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rest.stop();
    }

    // ---------------------------------------------------------------- request handling (FakeRestServer)

    void recordRequest(RecordedRequest request) {
        requests.add(request);
    }

    void recordFailure(String what) {
        failures.add(what);
    }

    void recordRejection(Rejection rejection) {
        rejections.add(rejection);
    }

    void recordUnknownRoute(String method, String path) {
        unknownRoutes.add(method + " " + path);
    }

    RateLimits rateLimits() {
        return rateLimits;
    }

    /** The answer {@link #failNext} planned for this request, if any. */
    Optional<RestResponse> plannedFailure(RestRequest request) {
        for (PlannedFailure planned : plannedFailures) {
            if (planned.takes(request)) {
                return Optional.of(planned.status() == 429 ? RestResponse.rateLimited(1)
                        : RestResponse.error(planned.status(), 0, planned.status() + ": planned by the test"));
            }
        }
        return Optional.empty();
    }

    RestResponse reject(Rejection.Kind kind, int status, int code, String message, RestRequest request,
                        String interactionId, String detail) {
        rejections.add(new Rejection(kind, status, code, request.method(), request.path(), interactionId, detail));
        return RestResponse.error(status, code, message);
    }

    Optional<FakeInteraction> interactionById(String id) {
        return Optional.ofNullable(interactionsById.get(id));
    }

    Optional<FakeInteraction> interactionByToken(String token) {
        return Optional.ofNullable(interactionsByToken.get(token));
    }

    Optional<FakeUser> knownUser(long id) {
        return Optional.ofNullable(users.get(id));
    }

    boolean refusesDirectMessages(FakeUser user) {
        return refusingDirectMessages.contains(user.id());
    }

    /** The message created with this enforced nonce within {@link #NONCE_WINDOW}, if any. */
    Optional<FakeMessage> messageWithNonce(String nonce) {
        Nonce sent = nonces.get(nonce);
        if (sent == null || System.currentTimeMillis() - sent.sentAtMillis() > NONCE_WINDOW.toMillis()) {
            return Optional.empty();
        }
        return messages.get(sent.messageId());
    }

    Object nonces() {
        return nonces;
    }

    void rememberNonce(String nonce, FakeMessage created) {
        nonces.put(nonce, new Nonce(created.id(), System.currentTimeMillis()));
    }

    Optional<FakeUser> userByDmChannel(long dmChannelId) {
        return Optional.ofNullable(usersByDmChannel.get(dmChannelId));
    }

    FakeMessage messageOrThrow(String messageId) {
        return messages.get(messageId).orElseThrow(() -> new AssertionError("no message " + messageId));
    }

    void modalShown(FakeInteraction opener, JsonNode modal) {
        ObjectNode stored = Json.copyOf(modal);
        Json.assignComponentIds(stored);
        modals.put(modalKey(opener.user(), stored.path("custom_id").asString("")), new ShownModal(stored, opener));
    }

    /** Replaces the global command list; keeps the ids of commands that keep their name. */
    List<JsonNode> putCommands(JsonNode sent) {
        synchronized (commands) {
            List<JsonNode> stored = new ArrayList<>();
            for (JsonNode command : sent) {
                stored.add(storedCommand(command, commands.get()));
            }
            commands.set(List.copyOf(stored));
            return stored;
        }
    }

    private JsonNode storedCommand(JsonNode sent, List<JsonNode> previous) {
        ObjectNode command = Json.copyOf(sent);
        String name = command.path("name").asString();
        String id = previous.stream()
                .filter(c -> name.equals(c.path("name").asString()))
                .map(c -> c.path("id").asString())
                .findFirst()
                .orElseGet(() -> Long.toUnsignedString(snowflakes.next()));
        command.put("id", id);
        command.put("application_id", Entities.str(entities.applicationId));
        command.put("version", Long.toUnsignedString(snowflakes.next()));
        if (!command.has("type")) {
            command.put("type", 1);
        }
        return command;
    }

    // ---------------------------------------------------------------- internals

    private FakeUser newUser(String name, String displayName) {
        FakeUser user = new FakeUser(snowflakes.next(), name, displayName, snowflakes.next());
        users.put(user.id(), user);
        usersByDmChannel.put(user.dmChannelId(), user);
        return user;
    }

    private FakeInteraction dispatch(int type, FakeUser user, Place place, ObjectNode data, JsonNode message,
                                     String sourceMessageId) {
        long id = snowflakes.next();
        String interactionToken = "fake_" + Entities.str(id) + "_" + HexFormat.of().formatHex(randomBytes(24));
        ObjectNode payload = Json.object()
                .put("id", Entities.str(id))
                .put("application_id", Entities.str(entities.applicationId))
                .put("type", type)
                .put("token", interactionToken)
                .put("version", 1)
                .put("locale", "en-US")
                .put("app_permissions", Long.toString(Entities.ALL_PERMISSIONS))
                .put("attachment_size_limit", 10 * 1024 * 1024)
                .put("channel_id", Entities.str(place.channelId()));
        payload.putArray("entitlements");
        ObjectNode owners = payload.putObject("authorizing_integration_owners");
        if (place.inGuild()) {
            FakeGuild inGuild = entities.guildOfChannel(place.channelId()).orElseThrow();
            String guildId = inGuild.idString();
            payload.put("guild_id", guildId).put("guild_locale", "en-US").put("context", CommandPayloads.CONTEXT_GUILD);
            ObjectNode guild = payload.putObject("guild").put("id", guildId).put("locale", "en-US");
            guild.putArray("features");
            payload.set("channel", entities.guildChannelJson(inGuild, true));
            payload.set("member", entities.memberJson(user, true));
            owners.put("0", guildId);
        } else {
            payload.put("context", CommandPayloads.CONTEXT_BOT_DM);
            payload.set("channel", entities.dmChannelJson(user));
            payload.set("user", entities.userJson(user));
            owners.put("0", "0");
        }
        payload.set("data", data);
        if (message != null) {
            payload.set("message", message.deepCopy());
        }
        FakeInteraction interaction = new FakeInteraction(this, id, interactionToken, type, user,
                place.channelId(), place.inGuild(), payload, sourceMessageId);
        interactionsById.put(interaction.id(), interaction);
        interactionsByToken.put(interactionToken, interaction);
        interaction.dispatched(System.nanoTime());
        if (gateway.dispatch("INTERACTION_CREATE", payload) == 0) {
            throw new IllegalStateException("no bot is connected to the fake gateway"
                    + (place.inGuild() ? " with the shard of this guild" : " with shard 0, which gets direct messages"));
        }
        return interaction;
    }

    private ObjectNode submittedValue(JsonNode input, Map<String, String> textValues,
                                      Map<String, List<String>> selectValues, Set<String> unused) {
        String customId = input.path("custom_id").asString("");
        int type = input.path("type").asInt();
        ObjectNode submitted = Json.object().put("type", type).put("id", input.path("id").asInt())
                .put("custom_id", customId);
        unused.remove(customId);
        boolean required = input.path("required").asBoolean(true);
        if (type == TEXT_INPUT) {
            String value = textValues.getOrDefault(customId, "");
            int min = input.path("min_length").asInt(0);
            int max = input.path("max_length").asInt(4000);
            if (value.isEmpty() && required) {
                throw new IllegalArgumentException("text input '" + customId + "' is required");
            }
            if (!value.isEmpty() && (value.length() < min || value.length() > max)) {
                throw new IllegalArgumentException("text input '" + customId + "' takes " + min + ".." + max
                        + " characters, not " + value.length());
            }
            submitted.put("value", value);
        } else if (selectValues.containsKey(customId)) {
            ArrayNode values = submitted.putArray("values");
            selectValues.get(customId).forEach(values::add);
        } else if (textValues.containsKey(customId)) {
            submitted.put("value", textValues.get(customId));
        } else {
            if (required && input.path("min_values").asInt(1) > 0) {
                throw new IllegalArgumentException("modal input '" + customId + "' is required");
            }
            submitted.putArray("values");
        }
        return submitted;
    }

    private FakeMessage latest(FakeMessage message) {
        return messages.get(message.id()).orElse(message);
    }

    private JsonNode clickable(FakeUser user, String customId, FakeMessage message, int componentType) {
        JsonNode component = message.component(customId).orElseThrow(() -> new IllegalArgumentException(
                "message " + message.id() + " has no component '" + customId + "'; it has "
                        + message.components().stream()
                                .map(c -> c.path("custom_id").asString(""))
                                .filter(id -> !id.isEmpty())
                                .toList()));
        if (component.path("type").asInt() != componentType) {
            throw new IllegalArgumentException("component '" + customId + "' has type " + component.path("type").asInt()
                    + ", not " + componentType);
        }
        if (component.path("disabled").asBoolean(false)) {
            throw new IllegalArgumentException("component '" + customId + "' is disabled; nobody can use it");
        }
        if (message.ephemeral()) {
            String viewer = message.body().path("interaction_metadata").path("user").path("id").asString("");
            if (!viewer.equals(user.idString())) {
                throw new IllegalArgumentException("message " + message.id() + " is ephemeral: only its viewer can "
                        + "use it, not " + user.name());
            }
        }
        Optional<FakeUser> dmOwner = userByDmChannel(message.channelId());
        if (dmOwner.isPresent() && dmOwner.get().id() != user.id()) {
            throw new IllegalArgumentException("message " + message.id() + " is in " + dmOwner.get().name()
                    + "'s DM; " + user.name() + " cannot see it");
        }
        return component;
    }

    private Place placeOf(FakeMessage message) {
        return new Place(entities.guildOfChannel(message.channelId()).isPresent(), message.channelId());
    }

    private static String modalKey(FakeUser user, String customId) {
        return user.idString() + "/" + customId;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Option maps in a stable order: {@code options("server", "imap.example.org", "port", 993)}. */
    public static Map<String, Object> options(Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("options come in name, value pairs");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            options.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return options;
    }
}
