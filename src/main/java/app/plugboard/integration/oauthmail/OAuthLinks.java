package app.plugboard.integration.oauthmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.signin.ConditionalOnSignIn;
import app.plugboard.storage.WebDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sign-in's short-lived rows. Using a link or a state is one atomic {@code UPDATE ... WHERE
 * used_at IS NULL AND expires_at > now() RETURNING}: of two requests with the same value, exactly
 * one gets the row. Times come from the database, so they agree however many Plugboards ask.
 *
 * <p>The chat makes links on its own pool; everything a browser's request does goes through the
 * web port's small pool ({@link WebDatabase}), so a flood of requests cannot take the chat's connections.
 */
@Repository
@ConditionalOnSignIn
class OAuthLinks {

    /** The state of a redirect to Discord, checking who signs in; a mail provider's states carry its key ({@code GOOGLE}). */
    static final String DISCORD = "DISCORD";

    enum ResultKind { CONNECTED, REFUSED, FAILED }

    /**
     * A link as made in the chat.
     *
     * @param provider the key of the mail provider it signs in at ({@code GOOGLE}, {@code MICROSOFT})
     */
    record Link(UUID id, String provider, UserId owner, String ownerName, String label, @Nullable IntegrationId integration,
            @Nullable String replyKey) {
    }

    /** A state just used: its link, the encrypted PKCE verifier, and the SHA-256 of the nonce sent with it (or null). */
    record UsedState(UUID id, Link link, String encryptedVerifier, byte @Nullable [] nonceHash) {
    }

    record Result(ResultKind kind, String title, String detail) {
    }

    private static final String LINK_COLUMNS = "l.id, l.provider, l.owner_id, l.owner_name, l.label, l.integration_id, l.reply_key";

    private final NamedParameterJdbcTemplate chat;
    private final NamedParameterJdbcTemplate jdbc;

    OAuthLinks(NamedParameterJdbcTemplate chat, WebDatabase web) {
        this.chat = chat;
        this.jdbc = web.jdbc();
    }

    void createLink(Link link, byte[] tokenHash, Duration lifetime) {
        chat.update("delete from oauth_link where created_at < now() - interval '1 day'", new MapSqlParameterSource());
        chat.update("""
                insert into oauth_link (id, provider, token_hash, owner_id, owner_name, label, integration_id, reply_key,
                                        expires_at)
                values (:id, :provider, :hash, :owner, :name, :label, :integration, :replyKey,
                        now() + make_interval(secs => :seconds))
                """, new MapSqlParameterSource()
                .addValue("id", link.id())
                .addValue("provider", link.provider())
                .addValue("hash", tokenHash)
                .addValue("owner", link.owner().value())
                .addValue("name", link.ownerName())
                .addValue("label", link.label())
                .addValue("integration", link.integration() == null ? null : link.integration().value())
                .addValue("replyKey", link.replyKey())
                .addValue("seconds", lifetime.toSeconds()));
    }

    /** A link that can still be used, for the confirmation page (which does not use it up). */
    Optional<Link> findOpenLink(byte[] tokenHash) {
        return one(jdbc.query("select " + LINK_COLUMNS + " from oauth_link l "
                + "where l.token_hash = :hash and l.used_at is null and l.expires_at > now()",
                new MapSqlParameterSource("hash", tokenHash), OAuthLinks::link));
    }

    /** Uses the link up: only the first caller gets it. */
    Optional<Link> useLink(byte[] tokenHash) {
        return one(jdbc.query("update oauth_link l set used_at = now() "
                + "where l.token_hash = :hash and l.used_at is null and l.expires_at > now() returning " + LINK_COLUMNS,
                new MapSqlParameterSource("hash", tokenHash), OAuthLinks::link));
    }

    void addState(UUID id, UUID linkId, String provider, byte[] stateHash, byte[] browserHash, String encryptedVerifier,
            byte @Nullable [] nonceHash, Duration lifetime) {
        jdbc.update("""
                insert into oauth_state (id, link_id, provider, state_hash, browser_hash, pkce_verifier, nonce_hash, expires_at)
                values (:id, :link, :provider, :state, :browser, :verifier, :nonce, now() + make_interval(secs => :seconds))
                """, new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("link", linkId)
                .addValue("provider", provider)
                .addValue("nonce", nonceHash, java.sql.Types.BINARY)
                .addValue("state", stateHash)
                .addValue("browser", browserHash)
                .addValue("verifier", encryptedVerifier)
                .addValue("seconds", lifetime.toSeconds()));
    }

    /**
     * Uses the state up, if it is known, unused, unexpired, made for this provider and started in
     * this browser: only the first caller gets it.
     */
    Optional<UsedState> useState(String provider, byte[] stateHash, byte[] browserHash) {
        return one(jdbc.query("""
                with used as (
                    update oauth_state s set used_at = now()
                    where s.state_hash = :state and s.provider = :provider and s.browser_hash = :browser
                      and s.used_at is null and s.expires_at > now()
                    returning s.id, s.link_id, s.pkce_verifier, s.nonce_hash)
                select used.id as state_id, used.pkce_verifier, used.nonce_hash, %s
                from used join oauth_link l on l.id = used.link_id
                """.formatted(LINK_COLUMNS), new MapSqlParameterSource()
                .addValue("state", stateHash)
                .addValue("provider", provider)
                .addValue("browser", browserHash),
                (rs, row) -> new UsedState(rs.getObject("state_id", UUID.class), link(rs, row), rs.getString("pkce_verifier"),
                        rs.getBytes("nonce_hash"))));
    }

    void recordResult(UUID linkId, UUID resultId, Result result) {
        jdbc.update("update oauth_link set result_id = :result, result_kind = :kind, result_title = :title, "
                + "result_detail = :detail where id = :id", new MapSqlParameterSource()
                .addValue("id", linkId)
                .addValue("result", resultId)
                .addValue("kind", result.kind().name())
                .addValue("title", result.title())
                .addValue("detail", result.detail()));
    }

    /** The outcome of a sign-in, for an hour after its link was made. */
    Optional<Result> findResult(UUID resultId) {
        return one(jdbc.query("select result_kind, result_title, result_detail from oauth_link "
                + "where result_id = :result and created_at > now() - interval '1 hour'",
                new MapSqlParameterSource("result", resultId),
                (rs, row) -> new Result(ResultKind.valueOf(rs.getString("result_kind")), rs.getString("result_title"),
                        rs.getString("result_detail"))));
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        UUID integration = rs.getObject("integration_id", UUID.class);
        return new Link(rs.getObject("id", UUID.class), rs.getString("provider"), new UserId(rs.getLong("owner_id")),
                rs.getString("owner_name"),
                rs.getString("label"), integration == null ? null : new IntegrationId(integration), rs.getString("reply_key"));
    }

    private static <T> Optional<T> one(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
