package app.plugboard.integration.outlook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Microsoft accounts this Plugboard accepts, from {@code PLUGBOARD_MICROSOFT_TENANT}: {@code common}
 * (personal and organisation accounts), {@code organizations} (work or school only), {@code consumers}
 * (personal only), or one organisation's tenant id. The same rule is applied to the ID token's tenant
 * ({@code tid}), so an account Microsoft let through by mistake is still refused.
 */
final class MicrosoftTenants {

    /** The tenant of every personal Microsoft account (Outlook.com, Hotmail, Live). */
    static final String PERSONAL_ACCOUNTS = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private MicrosoftTenants() {
    }

    /** Whether the setting is one Plugboard understands. */
    static boolean valid(String tenant) {
        String value = tenant.strip().toLowerCase(Locale.ROOT);
        return value.equals("common") || value.equals("organizations") || value.equals("consumers")
                || TENANT_ID.matcher(value).matches();
    }

    /** Whether an account of tenant {@code tid} may connect; if not, why, in words for the person. */
    static Optional<String> refusal(String tenant, String tid) {
        String setting = tenant.strip().toLowerCase(Locale.ROOT);
        boolean personal = PERSONAL_ACCOUNTS.equals(tid);
        return switch (setting) {
            case "common" -> Optional.empty();
            case "organizations" -> personal ? Optional.of("it accepts work or school accounts only, and this is a "
                    + "personal Microsoft account") : Optional.empty();
            case "consumers" -> personal ? Optional.empty() : Optional.of("it accepts personal Microsoft accounts "
                    + "(Outlook.com, Hotmail, Live) only, and this is a work or school account");
            default -> setting.equals(tid) ? Optional.empty() : Optional.of("it accepts the accounts of one "
                    + "organisation only, and this account belongs to another");
        };
    }
}
