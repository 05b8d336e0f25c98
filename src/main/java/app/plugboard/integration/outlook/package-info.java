/**
 * Outlook.com, Hotmail, Live and Microsoft 365 mail through Microsoft's sign-in (the Microsoft identity
 * platform, v2): its type, settings and stored format, and its {@code OutlookProvider}, the description
 * of Microsoft that the one OAuth mail flow of {@code app.plugboard.integration.oauthmail} runs on (client
 * and tenant, the Outlook IMAP and SMTP scopes with {@code offline_access}, the account from the validated
 * ID token, whose issuer depends on the tenant, Outlook's servers, Microsoft's error codes in words).
 * Without a Microsoft client configured, {@code OutlookNotConfigured} answers.
 */
@NullMarked
package app.plugboard.integration.outlook;

import org.jspecify.annotations.NullMarked;
