-- Gmail sign-in. A link in the chat (oauth_link) opens a confirmation page; confirming it starts
-- one or two redirects to an authorization server (Discord, to check who is signing in, then
-- Google), each with its own state (oauth_state). Link tokens, states and the browser binding are
-- stored only as SHA-256 hashes; the PKCE verifier only encrypted, bound to its row
-- (app.plugboard.crypto.SecretCipher). Everything is single use and short-lived; rows older than a
-- day are deleted as new links are made.
create table oauth_link (
    id             uuid        primary key,
    token_hash     bytea       not null unique,
    owner_id       bigint      not null,
    owner_name     text        not null,
    label          text        not null check (length(label) between 1 and 50),
    -- the integration to sign in again, or null for a new one
    integration_id uuid,
    -- where the chat showed the link, so the outcome can replace it (an id, not a secret)
    reply_key      text,
    expires_at     timestamptz not null,
    used_at        timestamptz,
    -- the outcome, shown on the result page (no secrets: an address, a label, what to do)
    result_id      uuid        unique,
    result_kind    text        check (result_kind in ('CONNECTED', 'REFUSED', 'FAILED')),
    result_title   text,
    result_detail  text,
    created_at     timestamptz not null default now()
);

create index oauth_link_created_idx on oauth_link (created_at);

create table oauth_state (
    id            uuid        primary key,
    link_id       uuid        not null references oauth_link (id) on delete cascade,
    provider      text        not null check (provider in ('GOOGLE', 'DISCORD')),
    state_hash    bytea       not null unique,
    browser_hash  bytea       not null,
    pkce_verifier text        not null,
    expires_at    timestamptz not null,
    used_at       timestamptz,
    created_at    timestamptz not null default now()
);

create index oauth_state_link_idx on oauth_state (link_id);
