package app.plugboard.discord.fake;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of the fake's world as Discord shapes it: the bot, users, members, the @everyone role, channels, the guild. */
final class Entities {

    // permission bits, as Discord numbers them
    static final long ADD_REACTIONS = 1L << 6;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long EVERYONE_PERMISSIONS = ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS
            | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS
            | SEND_MESSAGES_IN_THREADS;
    static final long ALL_PERMISSIONS = (1L << 51) - 1;

    final long applicationId;
    final long botUserId;
    final long guildId;
    final long channelId;
    private final String createdAt = MessageStore.now();
    private final FakeUser owner;
    private final Supplier<Collection<FakeUser>> users;
    /** Every guild, the first one ({@link #guildId}) included. */
    private final List<FakeGuild> guilds = new CopyOnWriteArrayList<>();

    Entities(Snowflakes snowflakes, FakeUser owner, Supplier<Collection<FakeUser>> users) {
        this.applicationId = snowflakes.next();
        this.botUserId = applicationId; // as for most bots, the application id and the bot's user id coincide
        this.guildId = snowflakes.next();
        this.channelId = snowflakes.next();
        this.owner = owner;
        this.users = users;
        guilds.add(new FakeGuild(guildId, channelId, "Fake Guild"));
    }

    /** Adds a guild with one text channel; {@code id} decides its shard. */
    FakeGuild addGuild(long id, long channel, String name) {
        FakeGuild guild = new FakeGuild(id, channel, name);
        guilds.add(guild);
        return guild;
    }

    FakeGuild mainGuild() {
        return guilds.get(0);
    }

    List<FakeGuild> guilds() {
        return List.copyOf(guilds);
    }

    /** The guild whose text channel this is, if it is one. */
    Optional<FakeGuild> guildOfChannel(long channel) {
        return guilds.stream().filter(guild -> guild.channelId() == channel).findFirst();
    }

    JsonNode readyPayload(String sessionId, String resumeUrl) {
        return readyPayload(sessionId, resumeUrl, guilds(), 0, 1);
    }

    /** READY for a session of shard {@code shard} of {@code total}: it lists that shard's guilds only. */
    JsonNode readyPayload(String sessionId, String resumeUrl, List<FakeGuild> shardGuilds, int shard, int total) {
        ObjectNode ready = Json.object().put("v", 10);
        ObjectNode self = botUserJson();
        self.put("verified", true).put("mfa_enabled", false).put("flags", 0);
        ready.set("user", self);
        ArrayNode listed = ready.putArray("guilds");
        shardGuilds.forEach(guild -> listed.addObject().put("id", str(guild.id())).put("unavailable", true));
        ready.putArray("shard").add(shard).add(total);
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.put("session_id", sessionId);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", resumeUrl);
        ready.putObject("application").put("id", str(applicationId)).put("flags", 0);
        ready.putArray("_trace").add("fake-discord");
        return ready;
    }

    JsonNode guildCreatePayload() {
        return guildCreatePayload(mainGuild());
    }

    JsonNode guildCreatePayload(FakeGuild created) {
        ObjectNode guild = Json.object()
                .put("id", str(created.id()))
                .put("name", created.name())
                .putNull("icon")
                .putNull("splash")
                .putNull("banner")
                .putNull("description")
                .put("owner_id", owner.idString())
                .putNull("afk_channel_id")
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false)
                .put("preferred_locale", "en-US")
                .putNull("system_channel_id")
                .put("system_channel_flags", 0)
                .putNull("rules_channel_id")
                .putNull("public_updates_channel_id")
                .putNull("vanity_url_code")
                .put("max_members", 500_000)
                .put("joined_at", createdAt)
                .put("large", false)
                .put("unavailable", false);
        guild.putArray("features");
        ArrayNode roles = guild.putArray("roles");
        roles.add(everyoneRole(created.id()));
        ArrayNode channels = guild.putArray("channels");
        channels.add(guildChannelJson(created, false));
        ArrayNode members = allMembers();
        guild.put("member_count", members.size());
        guild.set("members", members);
        for (String empty : List.of("emojis", "stickers", "voice_states", "presences", "threads",
                "stage_instances", "guild_scheduled_events", "soundboard_sounds")) {
            guild.putArray(empty);
        }
        return guild;
    }

    ObjectNode botUserJson() {
        return Json.object()
                .put("id", str(botUserId))
                .put("username", "plugboard-test-bot")
                .put("global_name", "Plugboard (test)")
                .put("discriminator", "0")
                .putNull("avatar")
                .put("bot", true)
                .put("public_flags", 0);
    }

    ObjectNode userJson(FakeUser user) {
        return Json.object()
                .put("id", user.idString())
                .put("username", user.name())
                .put("global_name", user.displayName())
                .put("discriminator", "0")
                .putNull("avatar")
                .put("bot", false)
                .put("public_flags", 0);
    }

    ObjectNode memberJson(FakeUser user, boolean withPermissions) {
        ObjectNode member = memberWithoutUser();
        member.set("user", userJson(user));
        if (withPermissions) {
            member.put("permissions", Long.toString(EVERYONE_PERMISSIONS));
        }
        return member;
    }

    ObjectNode guildChannelJson(boolean withPermissions) {
        return guildChannelJson(mainGuild(), withPermissions);
    }

    ObjectNode guildChannelJson(FakeGuild guild, boolean withPermissions) {
        ObjectNode channel = Json.object()
                .put("id", str(guild.channelId()))
                .put("type", 0)
                .put("guild_id", str(guild.id()))
                .put("name", "general")
                .put("position", 0)
                .put("flags", 0)
                .putNull("parent_id")
                .putNull("topic")
                .put("nsfw", false)
                .putNull("last_message_id")
                .put("rate_limit_per_user", 0);
        channel.putArray("permission_overwrites");
        if (withPermissions) {
            channel.put("permissions", Long.toString(ALL_PERMISSIONS));
        }
        return channel;
    }

    ObjectNode dmChannelJson(FakeUser user) {
        ObjectNode channel = Json.object()
                .put("id", str(user.dmChannelId()))
                .put("type", 1)
                .put("flags", 0)
                .putNull("last_message_id");
        channel.putArray("recipients").add(userJson(user));
        return channel;
    }

    /** The parts every message the bot creates shares: where it is and who wrote it. */
    ObjectNode messageEnvelope(long messageChannelId, int type) {
        ObjectNode envelope = Json.object().put("type", type).put("channel_id", str(messageChannelId));
        guildOfChannel(messageChannelId).ifPresent(guild -> envelope.put("guild_id", str(guild.id())));
        envelope.set("author", botUserJson());
        return envelope;
    }

    /** A message the bot creates in answer to an interaction (reply, deferred reply, follow-up). */
    ObjectNode interactionMessageEnvelope(FakeInteraction interaction, int extraFlags) {
        int type = interaction.type() == FakeInteraction.APPLICATION_COMMAND ? 20 : 0;
        ObjectNode envelope = messageEnvelope(interaction.channelId(), type);
        envelope.put("webhook_id", str(applicationId));
        envelope.put("application_id", str(applicationId));
        envelope.put("flags", extraFlags);
        ObjectNode metadata = envelope.putObject("interaction_metadata")
                .put("id", interaction.id())
                .put("type", interaction.type());
        metadata.set("user", userJson(interaction.user()));
        metadata.set("authorizing_integration_owners",
                interaction.dispatchedPayload().path("authorizing_integration_owners"));
        return envelope;
    }

    static String str(long id) {
        return Long.toUnsignedString(id);
    }

    private ArrayNode allMembers() {
        ArrayNode members = Json.array();
        ObjectNode botMember = memberWithoutUser();
        botMember.set("user", botUserJson());
        members.add(botMember);
        users.get().stream()
                .sorted((a, b) -> Long.compareUnsigned(a.id(), b.id()))
                .forEach(user -> members.add(memberJson(user, false)));
        return members;
    }

    private ObjectNode memberWithoutUser() {
        ObjectNode member = Json.object()
                .putNull("nick")
                .putNull("avatar")
                .put("joined_at", createdAt)
                .putNull("premium_since")
                .put("deaf", false)
                .put("mute", false)
                .put("pending", false)
                .put("flags", 0)
                .putNull("communication_disabled_until");
        member.putArray("roles");
        return member;
    }

    private ObjectNode everyoneRole(long ofGuild) {
        ObjectNode role = Json.object()
                .put("id", str(ofGuild))
                .put("name", "@everyone")
                .put("color", 0)
                .put("hoist", false)
                .putNull("icon")
                .putNull("unicode_emoji")
                .put("position", 0)
                .put("permissions", Long.toString(EVERYONE_PERMISSIONS))
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return role;
    }
}
