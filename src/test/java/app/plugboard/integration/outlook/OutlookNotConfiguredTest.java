package app.plugboard.integration.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationView;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.SampleSettings;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Plugboard whose operator has not set PLUGBOARD_MICROSOFT_CLIENT_ID. */
@SpringBootTest
@CleanDatabase
@DisplayName("Outlook without Microsoft sign-in set up")
class OutlookNotConfiguredTest {

    static final UserId ME = new UserId(13);

    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutlookProperties properties;

    @Test
    @DisplayName("add type:outlook says the operator has not set up Microsoft sign-in; nothing is stored, no link is made")
    void addSaysSo() {
        // WHEN the person asks for Outlook
        String output = TerminalDriver.converse(router, ME, "/integration add type:outlook label:Home");

        // THEN the answer says whoever runs Plugboard must register it with Microsoft first, and why there is no other way
        assertThat(output).contains("Outlook sign-in is not set up on this Plugboard: whoever runs it has to register "
                + "Plugboard with Microsoft first", "no password for Outlook.com");
        // AND nothing changed: no integration, no sign-in link
        assertThat(jdbc.queryForObject("select count(*) from integration", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from oauth_link", Integer.class)).isZero();
    }

    @Test
    @DisplayName("a stored Outlook integration is still listed as Outlook; Re-authenticate says the same and changes nothing")
    void storedIntegrationStays() {
        // GIVEN an Outlook integration stored while sign-in was set up
        IntegrationView home = integrations.create(ME, "Home", SampleSettings.outlook("tok"));
        Map<String, Object> before = row();

        // WHEN the person lists it, then asks to sign in again
        String output = TerminalDriver.converse(router, ME, "/integration list",
                "/integration edit integration:Home", "2");    // Re-authenticate

        // THEN it is listed for what it is, and signing in again says the operator has not set Microsoft sign-in up
        assertThat(output).contains("Home: Outlook / Microsoft 365", "alice@outlook.com (personal account)",
                "Re-authenticate", "Outlook sign-in is not set up on this Plugboard");
        // AND the stored integration is exactly as it was, with no link made
        assertThat(row()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from oauth_link", Integer.class)).isZero();
        assertThat(integrations.get(ME, home.id()).label()).isEqualTo("Home");
    }

    @Test
    @DisplayName("by default Plugboard signs in at Microsoft's common endpoints and uses Outlook's own servers: IMAP 993, SMTP 587 (STARTTLS)")
    void defaults() {
        OutlookProperties.Microsoft microsoft = properties.microsoft();

        assertThat(microsoft.configured()).isFalse();
        assertThat(microsoft.tenant()).isEqualTo("common");
        assertThat(microsoft.forTenant(microsoft.authorizationUri()))
                .isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/authorize");
        assertThat(microsoft.forTenant(microsoft.tokenUri())).isEqualTo("https://login.microsoftonline.com/common/oauth2/v2.0/token");
        assertThat(microsoft.forTenant(microsoft.jwkSetUri())).isEqualTo("https://login.microsoftonline.com/common/discovery/v2.0/keys");
        assertThat(microsoft.issuerOf("t")).isEqualTo("https://login.microsoftonline.com/t/v2.0");
        assertThat(properties.servers()).satisfies(servers -> {
            assertThat(servers.imapHost()).isEqualTo("outlook.office365.com");
            assertThat(servers.imapPort()).isEqualTo(993);
            assertThat(servers.smtpHost()).isEqualTo("smtp.office365.com");
            assertThat(servers.smtpPort()).isEqualTo(587);
            assertThat(servers.smtpImplicitTls()).isFalse();
        });
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select label, status, settings::text, secrets, version from integration");
    }
}
