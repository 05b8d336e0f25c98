package app.plugboard.discord.fake;

/**
 * A server on the fake Discord with one text channel, where every user is a member.
 *
 * @param id        the guild's snowflake, which decides its shard
 * @param channelId its text channel
 * @param name      its name
 */
public record FakeGuild(long id, long channelId, String name) {

    /** The shard whose session Discord sends this guild's events to: {@code (guild_id >> 22) % total}. */
    public int shard(int total) {
        return (int) ((id >>> 22) % total);
    }

    public String idString() {
        return Long.toUnsignedString(id);
    }
}
