package app.plugboard.integration.imap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The servers of well-known mail providers, so a person who types an address at one of them need
 * not look anything up, and the hint each provider needs (most refuse the normal password).
 */
final class ProviderPresets {

    /**
     * @param hint what to know about logging in, for the login-refused message; null when nothing special
     */
    record ProviderPreset(String name, String imapServer, int imapPort, ImapSecurity security, String smtpServer,
            int smtpPort, @Nullable String hint) {
    }

    private static final String GMAIL_HINT = "Gmail accepts an app password only, not your Google password: create one "
            + "at myaccount.google.com/apppasswords (2-Step Verification must be on).";
    private static final String OUTLOOK_HINT = "Outlook.com no longer accepts passwords for IMAP: connect it with "
            + "Microsoft's sign-in instead, /integration add type:outlook.";
    /** Microsoft's mailboxes (Outlook.com, Hotmail, Live, Microsoft 365) take no password over IMAP at all. */
    static final String OUTLOOK_SIGN_IN_ONLY = "Outlook.com, Hotmail, Live and Microsoft 365 mailboxes no longer accept "
            + "passwords over IMAP: connect this one with Microsoft's sign-in instead, /integration add type:outlook.";
    private static final String YAHOO_HINT = "Yahoo accepts an app password only: create one under Account security, "
            + "Generate app password.";
    private static final String ICLOUD_HINT = "iCloud accepts an app-specific password only: create one at "
            + "account.apple.com, Sign-In and Security, App-Specific Passwords.";
    private static final String FASTMAIL_HINT = "Fastmail accepts an app password only: create one under Settings, "
            + "Privacy & Security, App passwords (with IMAP and SMTP access).";
    private static final String GMX_HINT = "GMX lets mail apps in only once IMAP access is turned on in its web mail "
            + "settings (POP3 & IMAP); use your GMX password.";

    private static final ProviderPreset GMAIL = new ProviderPreset("Gmail", "imap.gmail.com", 993,
            ImapSecurity.IMPLICIT_TLS, "smtp.gmail.com", 465, GMAIL_HINT);
    private static final ProviderPreset OUTLOOK = new ProviderPreset("Outlook.com", "outlook.office365.com", 993,
            ImapSecurity.IMPLICIT_TLS, "smtp-mail.outlook.com", 587, OUTLOOK_HINT);
    private static final ProviderPreset YAHOO = new ProviderPreset("Yahoo Mail", "imap.mail.yahoo.com", 993,
            ImapSecurity.IMPLICIT_TLS, "smtp.mail.yahoo.com", 465, YAHOO_HINT);
    private static final ProviderPreset ICLOUD = new ProviderPreset("iCloud Mail", "imap.mail.me.com", 993,
            ImapSecurity.IMPLICIT_TLS, "smtp.mail.me.com", 587, ICLOUD_HINT);
    private static final ProviderPreset FASTMAIL = new ProviderPreset("Fastmail", "imap.fastmail.com", 993,
            ImapSecurity.IMPLICIT_TLS, "smtp.fastmail.com", 465, FASTMAIL_HINT);
    private static final ProviderPreset GMX_NET = new ProviderPreset("GMX", "imap.gmx.net", 993,
            ImapSecurity.IMPLICIT_TLS, "mail.gmx.net", 465, GMX_HINT);
    private static final ProviderPreset GMX_COM = new ProviderPreset("GMX", "imap.gmx.com", 993,
            ImapSecurity.IMPLICIT_TLS, "mail.gmx.com", 465, GMX_HINT);
    private static final ProviderPreset POSTEO = new ProviderPreset("Posteo", "posteo.de", 993,
            ImapSecurity.IMPLICIT_TLS, "posteo.de", 465, null);
    private static final ProviderPreset MAILBOX_ORG = new ProviderPreset("mailbox.org", "imap.mailbox.org", 993,
            ImapSecurity.IMPLICIT_TLS, "smtp.mailbox.org", 465, null);

    private static final List<ProviderPreset> ALL = List.of(GMAIL, OUTLOOK, YAHOO, ICLOUD, FASTMAIL, GMX_NET, GMX_COM,
            POSTEO, MAILBOX_ORG);

    /** The providers whose GMX domains use the international servers (gmx.net, .de, .at, .ch use the German ones). */
    private static final List<String> GMX_INTERNATIONAL = List.of("gmx.com", "gmx.us", "gmx.co.uk", "gmx.fr", "gmx.es");

    private ProviderPresets() {
    }

    /** The preset for the domain of an address such as alice@gmail.com. */
    static Optional<ProviderPreset> forAddress(@Nullable String address) {
        if (address == null || address.indexOf('@') < 0) {
            return Optional.empty();
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return Optional.ofNullable(switch (domain) {
            case "gmail.com", "googlemail.com" -> GMAIL;
            case "outlook.com", "hotmail.com", "live.com", "msn.com" -> OUTLOOK;
            case "yahoo.com", "ymail.com" -> YAHOO;
            case "icloud.com", "me.com", "mac.com" -> ICLOUD;
            case "fastmail.com", "fastmail.fm" -> FASTMAIL;
            case "posteo.de", "posteo.net" -> POSTEO;
            case "mailbox.org" -> MAILBOX_ORG;
            default -> domain.startsWith("gmx.") ? (GMX_INTERNATIONAL.contains(domain) ? GMX_COM : GMX_NET) : null;
        });
    }

    /** The preset whose IMAP server this is (someone on a custom domain at Fastmail, say). */
    static Optional<ProviderPreset> forServer(@Nullable String imapServer) {
        if (imapServer == null) {
            return Optional.empty();
        }
        String host = imapServer.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(preset -> preset.imapServer().equals(host)).findFirst();
    }

    /** What to use instead when the provider takes no password over IMAP at all (Microsoft's mailboxes); else empty. */
    static Optional<String> signInOnly(@Nullable String username, @Nullable String imapServer) {
        return of(username, imapServer).filter(preset -> preset == OUTLOOK).map(preset -> OUTLOOK_SIGN_IN_ONLY);
    }

    /** The preset that applies to settings: by the server when one is given, else by the address. */
    static Optional<ProviderPreset> of(@Nullable String username, @Nullable String imapServer) {
        return imapServer == null || imapServer.isBlank() ? forAddress(username) : forServer(imapServer);
    }
}
