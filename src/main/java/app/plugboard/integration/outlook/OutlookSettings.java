package app.plugboard.integration.outlook;

import static app.plugboard.integration.SettingsChecks.addIfPresent;

import app.plugboard.common.InputProblem;
import app.plugboard.integration.Secret;
import app.plugboard.integration.SecretUse;
import app.plugboard.integration.SettingsChecks;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.oauthmail.OAuthMailSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft mailbox (Outlook.com, Hotmail, Live, or Microsoft 365 at work or school) connected through
 * Microsoft's sign-in. The account is its tenant and object id (from the validated ID token; they never
 * change), the address is the mailbox's login. The tokens are absent when Microsoft no longer accepts the
 * grant and the owner must sign in again. Stored by {@link OutlookFormat}.
 *
 * @param tenantId the directory the account belongs to ({@value MicrosoftTenants#PERSONAL_ACCOUNTS} for
 *                 personal Microsoft accounts)
 * @param objectId the account's id in that directory
 */
public record OutlookSettings(
        @Nullable String address,
        @Nullable String tenantId,
        @Nullable String objectId,
        @Nullable Secret accessToken,
        @Nullable Secret refreshToken,
        @Nullable Instant accessTokenExpiresAt,
        Set<String> grantedScopes) implements OAuthMailSettings {

    // the names of the fields, as problems name them (the storage names its own)
    public static final String ADDRESS = "address";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String REFRESH_TOKEN = "refreshToken";

    public OutlookSettings {
        address = address == null ? null : address.trim();
        grantedScopes = Set.copyOf(grantedScopes);
    }

    @Override
    public SettingsKind kind() {
        return OutlookType.KIND;
    }

    /** The tokens go only to Microsoft's endpoints and Outlook's servers, which the operator configures: nothing a person types. */
    @Override
    public Map<String, SecretUse> secretUses() {
        return Map.of(ACCESS_TOKEN, SecretUse.of("Access token", accessToken),
                REFRESH_TOKEN, SecretUse.of("Refresh token", refreshToken));
    }

    @Override
    public @Nullable String accountId() {
        return tenantId == null || objectId == null ? null : tenantId + "/" + objectId;
    }

    /** A personal Microsoft account (Outlook.com, Hotmail, Live), not one of an organisation. */
    public boolean personal() {
        return MicrosoftTenants.PERSONAL_ACCOUNTS.equals(tenantId);
    }

    @Override
    public OutlookSettings withTokens(@Nullable Secret accessToken, @Nullable Secret refreshToken,
            @Nullable Instant accessTokenExpiresAt, Set<String> grantedScopes) {
        return new OutlookSettings(address, tenantId, objectId, accessToken, refreshToken, accessTokenExpiresAt, grantedScopes);
    }

    @Override
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        addIfPresent(problems, SettingsChecks.email(ADDRESS, "Microsoft address", address));
        if (accessToken != null && refreshToken == null) {
            problems.add(new InputProblem(REFRESH_TOKEN, "Microsoft did not grant lasting access: "
                    + "connect again and allow Plugboard to keep access."));
        }
        return problems;
    }
}
