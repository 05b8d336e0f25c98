package app.plugboard.integration.imap;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.testsupport.CleanDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/** Microsoft's mailboxes take no password over IMAP: the IMAP form sends them to the Outlook type instead of failing. */
@SpringBootTest
@CleanDatabase
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("The IMAP form's Outlook preset points to Outlook / Microsoft 365")
class OutlookPresetTest {

    static final UserId ME = new UserId(14);

    @Autowired
    ChatRouter router;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @CsvSource({
            "alice@outlook.com, ''",
            "alice@hotmail.com, ''",
            "alice@live.com,    ''",
            "alice@contoso.com, outlook.office365.com",
            "alice@contoso.com, OUTLOOK.office365.com"})
    @DisplayName("an Outlook.com, Hotmail, Live or Microsoft 365 mailbox: not saved, no connection tried, the answer names type:outlook")
    void pointsToOutlook(String address, String server, CapturedOutput log) {
        // WHEN the person fills the IMAP form for a Microsoft mailbox (the server left empty, or Outlook's)
        String output = TerminalDriver.converse(router, ME, "/integration add type:imap label:Hotmail",
                address, "Sentinel-Password-4471", server, "", "");

        // THEN the answer says Microsoft takes no password over IMAP and names the way that works
        assertThat(output).contains("❌ Hotmail is not saved: Outlook.com, Hotmail, Live and Microsoft 365 mailboxes no "
                + "longer accept passwords over IMAP: connect this one with Microsoft's sign-in instead, "
                + "/integration add type:outlook.");
        // AND nothing was stored, and no connection was tried (the password went nowhere)
        assertThat(jdbc.queryForObject("select count(*) from integration", Integer.class)).isZero();
        assertThat(log.getAll()).doesNotContain("outlook.office365.com:993").doesNotContain("Sentinel-Password-4471");
    }
}
