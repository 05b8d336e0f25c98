package app.plugboard.discord.fake;

/**
 * A person on the fake Discord: a member of the fake guild and reachable in a DM channel of their own.
 *
 * @param id           the user's snowflake
 * @param name         the username (unique, fixed by Discord)
 * @param displayName  the display name ({@code global_name}), which the user chooses freely
 * @param dmChannelId  the DM channel between this user and the bot
 */
public record FakeUser(long id, String name, String displayName, long dmChannelId) {

    public String idString() {
        return Long.toUnsignedString(id);
    }
}
