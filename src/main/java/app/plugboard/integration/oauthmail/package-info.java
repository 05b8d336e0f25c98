/**
 * Mail through an OAuth sign-in, whichever provider: one flow with a {@code MailProvider} per type
 * (Google for {@code integration.gmail}, Microsoft for {@code integration.outlook}). Here: the sign-in
 * link ({@code OAuthMailSignIn}), the browser flow ({@code OAuthMailFlow}, the {@code SignInFlow} of
 * {@code app.plugboard.integration.signin}, with its short-lived rows in {@code OAuthLinks}), tokens kept
 * fresh for services ({@code OAuthMailTokens}, one renewal at a time per integration across every
 * Plugboard, over Spring Security's authorized-client manager and {@code OAuthMailClients}), the XOAUTH2
 * IMAP login ({@code XOAuth2Imap}), "check now" ({@code OAuthMailCheck}), the Reconnect button
 * ({@code OAuthMailReconnect}; the "needs re-authentication" notice itself is the watch's), and the mailbox these integrations give
 * {@code MailAccess} ({@code OAuthMailboxes}). It knows no provider: each type package describes its own.
 */
@NullMarked
package app.plugboard.integration.oauthmail;

import org.jspecify.annotations.NullMarked;
