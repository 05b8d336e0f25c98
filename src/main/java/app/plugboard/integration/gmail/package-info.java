/**
 * Gmail through Google's OAuth consent: its type, settings and stored format, and its
 * {@code GmailProvider}, the description of Google that the one OAuth mail flow of
 * {@code app.plugboard.integration.oauthmail} runs on (client, scopes, {@code access_type=offline} and
 * {@code prompt=consent}, the account from Google's user info with {@code email_verified}, Gmail's servers,
 * its words). Without a Google client configured, {@code GmailNotConfigured} answers; with one: the
 * sign-in link ({@code GmailSignIn}), "check now" ({@code GmailProbe}) and revocation at Google after a
 * delete or a refused sign-in ({@code GmailRevocation}).
 */
@NullMarked
package app.plugboard.integration.gmail;

import org.jspecify.annotations.NullMarked;
