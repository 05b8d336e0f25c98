package app.plugboard.integration;

import static app.plugboard.integration.SettingsChecks.addIfPresent;

import app.plugboard.common.InputProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A Gmail account connected through Google's OAuth consent. The tokens are absent when Google no
 * longer accepts the grant and the owner must re-authenticate.
 */
public record GmailSettings(
        @Nullable String googleAddress,
        @Nullable Secret accessToken,
        @Nullable Secret refreshToken,
        @Nullable Instant accessTokenExpiresAt,
        Set<String> grantedScopes) implements IntegrationSettings {

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
        return SettingsKind.GMAIL;
    }

    /** The tokens go only to Google's endpoints, which the operator configures: nothing a person types. */
    @Override
    public Map<String, SecretUse> secretUses() {
        return Map.of(ACCESS_TOKEN, SecretUse.of("Access token", accessToken),
                REFRESH_TOKEN, SecretUse.of("Refresh token", refreshToken));
    }

    public boolean hasTokens() {
        return refreshToken != null;
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

    @Override
    public StoredSettings toStoredSettings() {
        return StoredSettings.builder()
                .plain(GOOGLE_ADDRESS, googleAddress)
                .plain(ACCESS_TOKEN_EXPIRES_AT, accessTokenExpiresAt)
                .plain(GRANTED_SCOPES, String.join(" ", new TreeSet<>(grantedScopes)))
                .secret(ACCESS_TOKEN, accessToken)
                .secret(REFRESH_TOKEN, refreshToken)
                .build();
    }

    static GmailSettings fromStoredSettings(StoredSettings fields) {
        String scopes = fields.plain(GRANTED_SCOPES);
        return new GmailSettings(
                fields.requiredPlain(GOOGLE_ADDRESS),
                fields.secret(ACCESS_TOKEN),
                fields.secret(REFRESH_TOKEN),
                fields.plainInstant(ACCESS_TOKEN_EXPIRES_AT),
                scopes == null || scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" "))));
    }
}
