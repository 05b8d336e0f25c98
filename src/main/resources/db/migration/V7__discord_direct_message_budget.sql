-- The bot's budget of direct messages, shared by every Plugboard on this database so that together they stay
-- under Discord's global rate limit: one token bucket per bot (its Discord id), kept by Bucket4j (its
-- PostgreSQL "select for update" proxy manager; state is Bucket4j's own serialized bucket, no secret).
create table discord_rate_budget (
    id    bigint primary key,
    state bytea
);
