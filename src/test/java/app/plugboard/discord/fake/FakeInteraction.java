package app.plugboard.discord.fake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One interaction the fake dispatched to the bot, and everything the bot answered to it.
 * Every {@code await...} method waits up to {@link FakeDiscord#DEFAULT_WAIT} and then fails with an
 * {@link AssertionError} that says what was missing.
 */
public final class FakeInteraction {

    /** Interaction types as Discord numbers them. */
    public static final int APPLICATION_COMMAND = 2;
    public static final int MESSAGE_COMPONENT = 3;
    public static final int AUTOCOMPLETE = 4;
    public static final int MODAL_SUBMIT = 5;

    private final FakeDiscord fake;
    private final String id;
    private final String token;
    private final int type;
    private final FakeUser user;
    private final long channelId;
    private final boolean inGuild;
    private final JsonNode payload;
    private final String sourceMessageId;
    private final long createdAtMillis;

    private volatile long dispatchedAtNanos;
    private volatile long firstCallbackAtNanos;
    private volatile long firstEditAtNanos;
    private Integer acknowledgedWith;
    private boolean expired;
    private String originalMessageId;
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final List<JsonNode> originalEdits = new CopyOnWriteArrayList<>();
    private final List<Integer> deliveredToShards = new CopyOnWriteArrayList<>();

    FakeInteraction(FakeDiscord fake, long id, String token, int type, FakeUser user, long channelId,
                    boolean inGuild, JsonNode payload, String sourceMessageId) {
        this.fake = fake;
        this.id = Long.toUnsignedString(id);
        this.token = token;
        this.type = type;
        this.user = user;
        this.channelId = channelId;
        this.inGuild = inGuild;
        this.payload = payload;
        this.sourceMessageId = sourceMessageId;
        this.createdAtMillis = Snowflakes.epochMillis(id);
    }

    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** The interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return type;
    }

    public FakeUser user() {
        return user;
    }

    public long channelId() {
        return channelId;
    }

    public boolean inGuild() {
        return inGuild;
    }

    /**
     * The shard of each gateway session whose connection this interaction was sent over, once per session (a
     * redelivery adds more): the guild's shard, or 0 in a direct message. A session whose connection is gone (its
     * process died) keeps the event for a RESUME and is not listed.
     */
    public List<Integer> deliveredToShards() {
        return List.copyOf(deliveredToShards);
    }

    void deliveredTo(int shard) {
        deliveredToShards.add(shard);
    }

    /** The INTERACTION_CREATE payload as dispatched. */
    JsonNode dispatchedPayload() {
        return payload;
    }

    /** The first callback the bot posted (accepted or refused). */
    public Callback awaitCallback() {
        return awaitCallback(FakeDiscord.DEFAULT_WAIT);
    }

    public Callback awaitCallback(Duration timeout) {
        return await("a callback", timeout, () -> callbacks.isEmpty() ? null : callbacks.get(0));
    }

    /** Waits until the bot posted at least {@code count} callbacks, and returns all of them. */
    public List<Callback> awaitCallbacks(int count) {
        return await(count + " callbacks", FakeDiscord.DEFAULT_WAIT,
                () -> callbacks.size() >= count ? List.copyOf(callbacks) : null);
    }

    /** Every callback posted so far, in order of arrival, including refused ones. */
    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** From the moment the fake sent INTERACTION_CREATE to the arrival of the first callback. */
    public Duration timeToFirstCallback() {
        awaitCallback();
        return Duration.ofNanos(firstCallbackAtNanos - dispatchedAtNanos);
    }

    /** From dispatch to the first edit of the original response (a deferred answer's result); waits for it. */
    public Duration timeToFirstOriginalEdit() {
        awaitOriginalEdit();
        return Duration.ofNanos(firstEditAtNanos - dispatchedAtNanos);
    }

    /** The latest edit of the original response (PATCH {@code messages/@original}), waiting for one. */
    public JsonNode awaitOriginalEdit() {
        return awaitOriginalEdit(edit -> true);
    }

    /** The latest edit of the original response that matches, waiting until one does. */
    public JsonNode awaitOriginalEdit(Predicate<JsonNode> until) {
        return await("an edit of the original response that matches", FakeDiscord.DEFAULT_WAIT, () -> {
            for (int i = originalEdits.size() - 1; i >= 0; i--) {
                if (until.test(originalEdits.get(i))) {
                    return originalEdits.get(i);
                }
            }
            return null;
        });
    }

    /** The latest edit of the original response that matches, waiting up to {@code timeout} until one does. */
    public JsonNode awaitOriginalEdit(Predicate<JsonNode> until, Duration timeout) {
        return await("an edit of the original response that matches", timeout, () -> {
            for (int i = originalEdits.size() - 1; i >= 0; i--) {
                if (until.test(originalEdits.get(i))) {
                    return originalEdits.get(i);
                }
            }
            return null;
        });
    }

    /** Every PATCH body of the original response so far. */
    public List<JsonNode> originalEdits() {
        return List.copyOf(originalEdits);
    }

    /**
     * The message the bot's response became, as it stands now: the reply, the deferred reply with its edits,
     * or, for a component, the updated message. Waits for the first callback.
     */
    public FakeMessage message() {
        Callback first = awaitCallback();
        String messageId;
        synchronized (this) {
            messageId = originalMessageId;
        }
        if (messageId == null) {
            throw new AssertionError("interaction " + id + " has no response message; first callback: " + first);
        }
        return fake.messageOrThrow(messageId);
    }

    /** Waits until the response message matches, then returns it. */
    public FakeMessage awaitMessage(Predicate<FakeMessage> until) {
        return await("a response message that matches", FakeDiscord.DEFAULT_WAIT, () -> {
            String messageId;
            synchronized (this) {
                messageId = originalMessageId;
            }
            FakeMessage message = messageId == null ? null : fake.message(messageId).orElse(null);
            return message != null && until.test(message) ? message : null;
        });
    }

    // ---- state changed by the fake's request threads ----

    long createdAtMillis() {
        return createdAtMillis;
    }

    String sourceMessageId() {
        return sourceMessageId;
    }

    void dispatched(long nanos) {
        dispatchedAtNanos = nanos;
    }

    /** Must hold the monitor. */
    Integer acknowledgedWith() {
        return acknowledgedWith;
    }

    /** Must hold the monitor. */
    boolean expired() {
        return expired;
    }

    /** Must hold the monitor. */
    void expire() {
        expired = true;
    }

    /** Must hold the monitor. */
    void acknowledge(int callbackType, String responseMessageId) {
        acknowledgedWith = callbackType;
        originalMessageId = responseMessageId;
    }

    synchronized String originalMessageId() {
        return originalMessageId;
    }

    synchronized void recordCallback(Callback callback, long arrivedAtNanos) {
        if (callbacks.isEmpty()) {
            firstCallbackAtNanos = arrivedAtNanos;
        }
        callbacks.add(callback);
        notifyAll();
    }

    synchronized void recordOriginalEdit(JsonNode body) {
        if (originalEdits.isEmpty()) {
            firstEditAtNanos = System.nanoTime();
        }
        originalEdits.add(body);
        notifyAll();
    }

    private <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    throw new AssertionError("interaction " + id + " (type " + type + "): waited " + timeout.toMillis()
                            + " ms for " + what + "; callbacks so far: " + callbacks
                            + (callbacks.isEmpty() ? " (JDA drops an event it cannot parse, and only logs why)" : ""));
                }
                try {
                    wait(Math.min(leftMillis, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "FakeInteraction[id=" + id + ", type=" + type + ", user=" + user.name() + "]";
    }
}
