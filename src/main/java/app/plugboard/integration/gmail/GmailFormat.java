package app.plugboard.integration.gmail;

import app.plugboard.integration.SettingsFormat;
import app.plugboard.integration.SettingsKind;
import app.plugboard.integration.StoredSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * How {@link GmailSettings} are stored, whether or not Google sign-in is configured (stored Gmail integrations are
 * listed either way). The stored names never change: rows written by earlier versions read back.
 */
@Component
class GmailFormat implements SettingsFormat<GmailSettings> {

    /** Also what {@link GmailRevocation} looks for across every stored Gmail integration. */
    static final String GOOGLE_ADDRESS = "googleAddress";
    private static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    /** The scopes Google granted, sorted, separated by spaces. */
    private static final String GRANTED_SCOPES = "grantedScopes";
    private static final String ACCESS_TOKEN = "accessToken";
    private static final String REFRESH_TOKEN = "refreshToken";

    @Override
    public SettingsKind kind() {
        return GmailType.KIND;
    }

    @Override
    public Class<GmailSettings> settingsType() {
        return GmailSettings.class;
    }

    @Override
    public StoredSettings write(GmailSettings settings) {
        return StoredSettings.builder()
                .plain(GOOGLE_ADDRESS, settings.googleAddress())
                .plain(ACCESS_TOKEN_EXPIRES_AT, settings.accessTokenExpiresAt())
                .plain(GRANTED_SCOPES, String.join(" ", new TreeSet<>(settings.grantedScopes())))
                .secret(ACCESS_TOKEN, settings.accessToken())
                .secret(REFRESH_TOKEN, settings.refreshToken())
                .build();
    }

    @Override
    public GmailSettings read(StoredSettings stored) {
        String scopes = stored.plain(GRANTED_SCOPES);
        return new GmailSettings(
                stored.requiredPlain(GOOGLE_ADDRESS),
                stored.secret(ACCESS_TOKEN),
                stored.secret(REFRESH_TOKEN),
                stored.plainInstant(ACCESS_TOKEN_EXPIRES_AT),
                scopes == null || scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" "))));
    }

    /** The Google address. */
    @Override
    public String summary(Map<String, String> plain) {
        return plain.getOrDefault(GOOGLE_ADDRESS, "?");
    }
}
