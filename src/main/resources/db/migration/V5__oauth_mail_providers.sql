-- Sign-in for more than one mail provider (Google for Gmail, Microsoft for Outlook): a link names the
-- provider its mail account signs in at (links made before this migration are Gmail's), and a state may
-- be Microsoft's. An OpenID Connect sign-in sends a nonce that the ID token must carry back: only its
-- SHA-256 is kept, with the state it belongs to.
alter table oauth_link add column provider text not null default 'GOOGLE'
    check (provider in ('GOOGLE', 'MICROSOFT'));
alter table oauth_link alter column provider drop default;

alter table oauth_state drop constraint oauth_state_provider_check;
alter table oauth_state add constraint oauth_state_provider_check
    check (provider in ('GOOGLE', 'MICROSOFT', 'DISCORD'));
alter table oauth_state add column nonce_hash bytea;
