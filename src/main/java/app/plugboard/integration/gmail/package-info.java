/**
 * Gmail through Google's OAuth consent. Without a Google client configured, {@code GmailNotConfigured}
 * answers; with one: the sign-in link ({@code GmailSignIn}), the browser flow ({@code GmailConnectFlow},
 * its short-lived rows in {@code OAuthLinks}), tokens kept fresh for services ({@code GmailTokens}
 * over Spring Security's authorized-client manager and {@code GmailAuthorizedClients}), the XOAUTH2
 * IMAP check ({@code GmailImap}), "check now" ({@code GmailProbe}) and revocation after a delete
 * ({@code GmailRevocation}). HTTP to the authorization servers goes through ports implemented in
 * {@code app.plugboard.oauth}; the pages are in {@code app.plugboard.web}.
 */
@NullMarked
package app.plugboard.integration.gmail;

import org.jspecify.annotations.NullMarked;
