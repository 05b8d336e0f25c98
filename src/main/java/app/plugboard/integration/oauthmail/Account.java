package app.plugboard.integration.oauthmail;

import org.jspecify.annotations.Nullable;

/**
 * Who signed in at the provider, as the provider vouches for it.
 *
 * @param address  the mailbox's address (the IMAP and SMTP login)
 * @param id       the provider's lasting id of the account (Microsoft: tenant and object id), or null where
 *                 the address is the id (Google); signing in again must bring the same one back
 * @param verified whether the provider says the address is the account's own (Google: {@code email_verified})
 * @param nonce    the nonce the ID token carried back, or null without an ID token
 */
public record Account(String address, @Nullable String id, boolean verified, @Nullable String nonce) {
}
