package app.plugboard.discord;

import app.plugboard.common.UserId;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.crypto.UnreadableSecretException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the bot showed a message that something will report back to later (a {@code replyKey}): the token of
 * the interaction that showed it, with which the message can be edited (15 minutes; we stop a minute early). In
 * PostgreSQL, so whichever Plugboard the report reaches (a sign-in's callback may come to any of them) edits the
 * message another one showed: Discord accepts an interaction's token from anywhere. Encrypted, bound to its row;
 * each key is used once.
 */
@Component
class ReplyHooks {

    private static final Logger log = LoggerFactory.getLogger(ReplyHooks.class);

    static final Duration WINDOW = Duration.ofMinutes(14);

    private final NamedParameterJdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    ReplyHooks(NamedParameterJdbcTemplate jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Keeps the interaction's token under the key. Without the database, the report comes as a direct message
     * instead: the answer to the interaction never waits for, or fails on, this.
     */
    void remember(String key, UserId user, String interactionToken) {
        Instant now = clock.instant();
        try {
            jdbc.update("delete from discord_reply_hook where expires_at <= :now", new MapSqlParameterSource("now",
                    Timestamp.from(now)));
            jdbc.update("""
                    insert into discord_reply_hook (reply_key, owner_id, interaction_token, expires_at)
                    values (:key, :owner, :token, :expires)
                    on conflict (reply_key) do nothing
                    """, new MapSqlParameterSource()
                    .addValue("key", key)
                    .addValue("owner", user.value())
                    .addValue("token", cipher.encrypt(interactionToken, context(key, user)))
                    .addValue("expires", Timestamp.from(now.plus(WINDOW))));
        } catch (DataAccessException e) {
            log.warn("Could not keep where user {}'s message is ({}); its outcome will come as a direct message", user,
                    e.toString());
        }
    }

    /** The interaction token under this key, if it is this user's and can still edit; the key is used up either way. */
    Optional<String> take(String key, UserId user) {
        try {
            List<String> taken = jdbc.queryForList("""
                    delete from discord_reply_hook where reply_key = :key
                    returning case when owner_id = :owner and expires_at > :now then interaction_token end
                    """, new MapSqlParameterSource()
                    .addValue("key", key)
                    .addValue("owner", user.value())
                    .addValue("now", Timestamp.from(clock.instant())), String.class);
            return taken.stream().filter(token -> token != null).findFirst()
                    .map(token -> cipher.decrypt(token, context(key, user)));
        } catch (UnreadableSecretException e) {
            log.warn("Could not read where user {}'s message is ({}); sending a direct message", user, e.getMessage());
            return Optional.empty();
        } catch (DataAccessException e) {
            log.warn("Could not read where user {}'s message is ({}); sending a direct message", user, e.toString());
            return Optional.empty();
        }
    }

    private static String context(String key, UserId user) {
        return "discord-reply-hook:" + user.value() + ":" + key;
    }
}
