package app.plugboard.common;

/** The person acting: a Discord user id (snowflake), or the terminal's configured local identity. */
public record UserId(long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("a user id is a positive snowflake");
        }
    }

    public static UserId of(String snowflake) {
        return new UserId(Long.parseUnsignedLong(snowflake));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
