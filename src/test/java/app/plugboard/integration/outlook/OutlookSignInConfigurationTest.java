package app.plugboard.integration.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Outlook sign-in's settings: client, tenant, endpoints")
class OutlookSignInConfigurationTest {

    static final String ORGANISATION = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @Test
    @DisplayName("a client id without its secret stops the start, saying what to set")
    void secretMissing() {
        assertThatThrownBy(() -> OutlookSignInConfiguration.check(properties("", "common")))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("PLUGBOARD_MICROSOFT_CLIENT_ID is set, but PLUGBOARD_MICROSOFT_CLIENT_SECRET is not.")
                .satisfies(problem -> assertThat(((StartupProblem) problem).action())
                        .contains("PLUGBOARD_MICROSOFT_CLIENT_SECRET", "Microsoft Entra", "unset PLUGBOARD_MICROSOFT_CLIENT_ID"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"common", "organizations", "consumers", ORGANISATION, " Organizations ", "72F988BF-86F1-41AF-91AB-2D7CD011DB47"})
    @DisplayName("PLUGBOARD_MICROSOFT_TENANT may be common, organizations, consumers or a tenant id")
    void tenantsUnderstood(String tenant) {
        assertThatCode(() -> OutlookSignInConfiguration.check(properties("s3cret", tenant))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "contoso.onmicrosoft.com", "personal", "72f988bf-86f1-41af-91ab", "common/../x"})
    @DisplayName("any other tenant stops the start, naming the values it may take")
    void tenantNotUnderstood(String tenant) {
        assertThatThrownBy(() -> OutlookSignInConfiguration.check(properties("s3cret", tenant)))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("PLUGBOARD_MICROSOFT_TENANT is \"" + tenant + "\"")
                .satisfies(problem -> assertThat(((StartupProblem) problem).action())
                        .contains("common", "organizations", "consumers", "tenant id"));
    }

    @Test
    @DisplayName("the tenant goes into Microsoft's endpoints; the issuer an ID token must name is its own tenant's")
    void endpointsForTheTenant() {
        OutlookProperties.Microsoft microsoft = properties("s3cret", "organizations").microsoft();

        assertThat(microsoft.forTenant(microsoft.authorizationUri()))
                .isEqualTo("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize");
        assertThat(microsoft.forTenant(microsoft.tokenUri())).isEqualTo("https://login.microsoftonline.com/organizations/oauth2/v2.0/token");
        assertThat(microsoft.forTenant(microsoft.jwkSetUri()))
                .isEqualTo("https://login.microsoftonline.com/organizations/discovery/v2.0/keys");
        assertThat(microsoft.issuerOf(ORGANISATION)).isEqualTo("https://login.microsoftonline.com/" + ORGANISATION + "/v2.0");
    }

    @Test
    @DisplayName("the client secret never prints")
    void secretNeverPrints() {
        OutlookProperties properties = properties("s3cret-value", "common");

        assertThat(properties.toString()).doesNotContain("s3cret-value").contains("clientSecret=***");
    }

    @ParameterizedTest(name = "{0}, an account of tenant {1}: {2}")
    @CsvSource({
            "common,        " + MicrosoftTenants.PERSONAL_ACCOUNTS + ", ",
            "common,        " + ORGANISATION + ", ",
            "organizations, " + ORGANISATION + ", ",
            "organizations, " + MicrosoftTenants.PERSONAL_ACCOUNTS + ", work or school accounts only",
            "consumers,     " + MicrosoftTenants.PERSONAL_ACCOUNTS + ", ",
            "consumers,     " + ORGANISATION + ", personal Microsoft accounts (Outlook.com, Hotmail, Live) only",
            ORGANISATION + ", " + ORGANISATION + ", ",
            "72F988BF-86F1-41AF-91AB-2D7CD011DB47, " + ORGANISATION + ", ",
            ORGANISATION + ", 11111111-2222-3333-4444-555555555555, the accounts of one organisation only",
            ORGANISATION + ", " + MicrosoftTenants.PERSONAL_ACCOUNTS + ", the accounts of one organisation only"})
    @DisplayName("which accounts each tenant setting lets in, by the ID token's tenant (tid)")
    void whoIsLetIn(String setting, String tid, String refusal) {
        Optional<String> why = MicrosoftTenants.refusal(setting, tid);

        if (refusal == null) {
            assertThat(why).isEmpty();
        } else {
            assertThat(why).hasValueSatisfying(text -> assertThat(text).contains(refusal));
        }
    }

    static OutlookProperties properties(String secret, String tenant) {
        return new OutlookProperties(new OutlookProperties.Microsoft("client-id", secret, tenant,
                "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                "https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys",
                "https://login.microsoftonline.com/{tenantid}/v2.0"),
                "outlook.office365.com", 993, "smtp.office365.com", 587);
    }
}
