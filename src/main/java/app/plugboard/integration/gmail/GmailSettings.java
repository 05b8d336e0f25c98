package app.plugboard.integration.gmail;

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
 * A Gmail account connected through Google's OAuth consent. The tokens are absent when Google no
 * longer accepts the grant and the owner must re-authenticate. Stored by {@link GmailFormat}.
 */
public record GmailSettings(
        @Nullable String googleAddress,
        @Nullable Secret accessToken,
        @Nullable Secret refreshToken,
        @Nullable Instant accessTokenExpiresAt,
        Set<String> grantedScopes) implements OAuthMailSettings {

    // the names of the fields, as problems name them (the storage names its own)
    public static final String GOOGLE_ADDRESS = "googleAddress";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String REFRESH_TOKEN = "refreshToken";
    public static final String ACCESS_TOKEN_EXPIRES_AT = "accessTokenExpiresAt";
    public static final String GRANTED_SCOPES = "grantedScopes";

    public GmailSettings {
        googleAddress = googleAddress == null ? null : googleAddress.trim();
        grantedScopes = Set.copyOf(grantedScopes);
    }

    @Override
    public SettingsKind kind() {
        return GmailType.KIND;
    }

    /** The tokens go only to Google's endpoints, which the operator configures: nothing a person types. */
    @Override
    public Map<String, SecretUse> secretUses() {
        return Map.of(ACCESS_TOKEN, SecretUse.of("Access token", accessToken),
                REFRESH_TOKEN, SecretUse.of("Refresh token", refreshToken));
    }

    @Override
    public @Nullable String address() {
        return googleAddress;
    }

    @Override
    public GmailSettings withTokens(@Nullable Secret accessToken, @Nullable Secret refreshToken,
            @Nullable Instant accessTokenExpiresAt, Set<String> grantedScopes) {
        return new GmailSettings(googleAddress, accessToken, refreshToken, accessTokenExpiresAt, grantedScopes);
    }

    @Override
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        addIfPresent(problems, SettingsChecks.email(GOOGLE_ADDRESS, "Google address", googleAddress));
        if (accessToken != null && refreshToken == null) {
            problems.add(new InputProblem(REFRESH_TOKEN, "Google did not grant offline access: "
                    + "connect again and allow Plugboard to keep access."));
        }
        return problems;
    }
}
