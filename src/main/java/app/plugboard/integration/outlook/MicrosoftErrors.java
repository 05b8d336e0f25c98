package app.plugboard.integration.outlook;

import app.plugboard.integration.oauthmail.ClientProblem;
import app.plugboard.integration.oauthmail.Refusal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft's refusals in words a person can act on. Microsoft names the reason by an AADSTS code at the
 * start of its {@code error_description} ("AADSTS65001: The user or administrator has not consented ...");
 * only the code is read, and nothing of the text is ever shown.
 */
final class MicrosoftErrors {

    static final String ADMIN_APPROVAL = "Your organisation's administrator must approve Plugboard first";
    static final String NOT_ALLOWED = "This Microsoft account is not allowed by this Plugboard's settings";
    static final String CLIENT_NEEDS_ATTENTION = "This Plugboard's registration at Microsoft needs attention";
    static final String IMAP_OFF = "IMAP is turned off for this mailbox: your administrator can turn it on";

    private static final Pattern CODE = Pattern.compile("AADSTS(\\d{5,7})");
    /** Consent the person cannot give: the organisation requires an administrator's (or its consent workflow). */
    private static final Set<String> ADMIN_CONSENT = Set.of("65001", "90094", "90095", "900941", "900971");
    /** The account is not one this app registration, or this Plugboard's tenant setting, lets in. */
    private static final Set<String> TENANT_RESTRICTED = Set.of("50020", "50194", "700016", "90072", "500200",
            "50177", "70000121", "500202", "5000224");
    /** The person said no on the consent screen. */
    private static final Set<String> DECLINED = Set.of("65004");
    /** This Plugboard's client secret has expired (Microsoft: secrets last at most two years). */
    private static final String SECRET_EXPIRED = "7000222";
    /** The client secret is not one of the app registration's, or the app registration is gone or disabled. */
    private static final Set<String> CLIENT_REFUSED = Set.of("7000215", "7000216", "7000112", "700027");
    /** Office 365's answer to an XOAUTH2 login that Microsoft accepted when IMAP is off for the mailbox. */
    private static final Pattern IMAP_DISABLED = Pattern.compile("authenticated but not connected", Pattern.CASE_INSENSITIVE);

    private MicrosoftErrors() {
    }

    /** The AADSTS code in a description, if any ({@code 65001}). */
    static Optional<String> code(@Nullable String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher code = CODE.matcher(description);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }

    /** The words for a refusal Microsoft explained, if it is one a person can act on. */
    static Optional<Refusal> explained(@Nullable String error, @Nullable String description) {
        Optional<String> code = code(description);
        String errorCode = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (code.filter(ADMIN_CONSENT::contains).isPresent()
                || (code.isEmpty() && (errorCode.equals("consent_required") || errorCode.equals("admin_consent_required")))) {
            return Optional.of(new Refusal(ADMIN_APPROVAL, ADMIN_APPROVAL + ": Microsoft says your organisation lets "
                    + "only an administrator allow an app to read mail. Ask them to grant consent for Plugboard in "
                    + "Microsoft Entra (Enterprise applications, Plugboard, Permissions), then run the command in Discord "
                    + "again. Nothing was connected."));
        }
        if (code.filter(TENANT_RESTRICTED::contains).isPresent()) {
            return Optional.of(notAllowed("Microsoft says this Plugboard's app registration does not accept this kind of "
                    + "account or organisation."));
        }
        if (code.filter(DECLINED::contains).isPresent() || errorCode.equals("access_denied")) {
            return Optional.of(new Refusal("Not connected", "You did not allow Plugboard at Microsoft, so nothing was "
                    + "connected. Run the command in Discord again when you want to connect Outlook."));
        }
        return Optional.empty();
    }

    /** A token request refused because of this Plugboard's own client: its secret expired or is wrong. */
    static Optional<ClientProblem> clientProblem(@Nullable String error, @Nullable String description) {
        Optional<String> code = code(description);
        boolean expired = code.filter(SECRET_EXPIRED::equals).isPresent();
        if (!expired && code.filter(CLIENT_REFUSED::contains).isEmpty() && !"invalid_client".equals(error)) {
            return Optional.empty();
        }
        String what = expired ? "its client secret has expired" : "its client secret or app registration is not valid";
        return Optional.of(new ClientProblem("Microsoft says " + what + code.map(c -> " (AADSTS" + c + ")").orElse("")
                + ". Create a new client secret for the app registration in Microsoft Entra (App registrations, "
                + "Certificates & secrets) and set PLUGBOARD_MICROSOFT_CLIENT_SECRET to it, then restart Plugboard; "
                + "stored Outlook integrations keep their access and work again.",
                "Microsoft refused this Plugboard's own registration (" + what + "), so Plugboard could not use your "
                        + "mailbox just now. Whoever runs this Plugboard has to renew it; your access is kept, nothing "
                        + "to do on your side."));
    }

    static Refusal clientRefused() {
        return new Refusal(CLIENT_NEEDS_ATTENTION, "Microsoft refused this Plugboard's own registration (its client "
                + "secret has expired or is not valid), so nothing was connected. Tell whoever runs this Plugboard; once "
                + "they have renewed it, run the command in Discord again.");
    }

    static Refusal notAllowed(String why) {
        return new Refusal(NOT_ALLOWED, NOT_ALLOWED + ": " + why + " Sign in with another account, or ask whoever runs "
                + "this Plugboard. Nothing was connected.");
    }

    /** Whether the IMAP server's refusal is Office 365's "IMAP is off for this mailbox". */
    static boolean imapDisabled(@Nullable String serverText) {
        return serverText != null && IMAP_DISABLED.matcher(serverText).find();
    }
}
