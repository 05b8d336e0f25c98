-- Where the chat showed a message that a sign-in reports back to: the interaction's token, with which any
-- Plugboard on this database can edit that message (Discord accepts it for 15 minutes, from anywhere), so a
-- browser's callback that reaches another Plugboard than the one that answered the command still edits it.
-- The token is encrypted, bound to its row (app.plugboard.crypto.SecretCipher); each row is used once and
-- kept 14 minutes; expired rows are deleted as new ones are made.
create table discord_reply_hook (
    reply_key         text        primary key,
    owner_id          bigint      not null,
    interaction_token text        not null,
    expires_at        timestamptz not null
);
create index discord_reply_hook_expires_idx on discord_reply_hook (expires_at);
