package app.plugboard.integration.outlook;

import app.plugboard.integration.SettingsFormat;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.StoredSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * How {@link OutlookSettings} are stored, whether or not Microsoft sign-in is configured (stored Outlook
 * integrations are listed either way). The stored names never change once rows exist.
 */
@Component
class OutlookFormat implements SettingsFormat<OutlookSettings> {

    private static final String ADDRESS = "address";
    private static final String TENANT_ID = "tenantId";
    private static final String OBJECT_ID = "objectId";
    private static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    /** The scopes Microsoft granted, sorted, separated by spaces. */
    private static final String GRANTED_SCOPES = "grantedScopes";
    private static final String ACCESS_TOKEN = "accessToken";
    private static final String REFRESH_TOKEN = "refreshToken";

    @Override
    public SettingsKind kind() {
        return OutlookType.KIND;
    }

    @Override
    public Class<OutlookSettings> settingsType() {
        return OutlookSettings.class;
    }

    @Override
    public StoredSettings write(OutlookSettings settings) {
        return StoredSettings.builder()
                .plain(ADDRESS, settings.address())
                .plain(TENANT_ID, settings.tenantId())
                .plain(OBJECT_ID, settings.objectId())
                .plain(ACCESS_TOKEN_EXPIRES_AT, settings.accessTokenExpiresAt())
                .plain(GRANTED_SCOPES, String.join(" ", new TreeSet<>(settings.grantedScopes())))
                .secret(ACCESS_TOKEN, settings.accessToken())
                .secret(REFRESH_TOKEN, settings.refreshToken())
                .build();
    }

    @Override
    public OutlookSettings read(StoredSettings stored) {
        String scopes = stored.plain(GRANTED_SCOPES);
        return new OutlookSettings(
                stored.requiredPlain(ADDRESS),
                stored.plain(TENANT_ID),
                stored.plain(OBJECT_ID),
                stored.secret(ACCESS_TOKEN),
                stored.secret(REFRESH_TOKEN),
                stored.plainInstant(ACCESS_TOKEN_EXPIRES_AT),
                scopes == null || scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" "))));
    }

    /** The address, and whose account it is: "alice@outlook.com (personal account)". */
    @Override
    public String summary(Map<String, String> plain) {
        String tenant = plain.get(TENANT_ID);
        String kind = tenant == null ? "" : MicrosoftTenants.PERSONAL_ACCOUNTS.equals(tenant)
                ? " (personal account)" : " (work or school account)";
        return plain.getOrDefault(ADDRESS, "?") + kind;
    }
}
