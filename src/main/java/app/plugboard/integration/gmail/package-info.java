/**
 * Gmail through Google's OAuth consent. Without a Google client configured, {@code GmailNotConfigured}
 * answers; with one: the sign-in link ({@code GmailSignIn}), the browser flow ({@code GmailConnectFlow},
 * its short-lived rows in {@code OAuthLinks}), tokens kept fresh for services ({@code GmailTokens}
 * over Spring Security's authorized-client manager and {@code GmailAuthorizedClients}), the XOAUTH2
 * IMAP check ({@code GmailImap}), "check now" ({@code GmailProbe}) and revocation after a delete
 * ({@code GmailRevocation}). The browser flow is the {@code SignInFlow} of
 * {@code app.plugboard.integration.signin}, whose pages {@code app.plugboard.web} serves; HTTP to the
 * authorization servers goes through that package's {@code OAuthHttp}, made in {@code app.plugboard.oauth}.
 */
@NullMarked
package app.plugboard.integration.gmail;

import org.jspecify.annotations.NullMarked;
