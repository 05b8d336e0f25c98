package app.plugboard.integration.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Form;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.console.TerminalDriver;
import app.plugboard.integration.CheckResult;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.calendar.CalendarType;
import app.plugboard.testsupport.CleanDatabase;
import app.plugboard.testsupport.ScriptedProbes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** What a person typed into secret fields (passwords, feed addresses) is used once and kept nowhere. */
@SpringBootTest
@CleanDatabase
@Import(ScriptedProbes.class)
@DisplayName("Secret form values: used once, kept nowhere")
class SecretFormValuesTest {

    static final UserId ME = new UserId(1);
    static final String FEED = "https://calendar.example.com/private-TOKEN-4711/basic.ics";
    // the calendar form's input keys, as Discord and the terminal send them back
    static final String ADDRESS = "address";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    @Autowired
    SettingsForms forms;
    @Autowired
    ChatRouter router;
    @Autowired
    IntegrationService integrations;

    @Test
    @DisplayName("a draft keeps what was typed for Try again, but neither the feed address nor the password")
    void draftKeepsNoSecret() {
        // GIVEN an open calendar form
        FormDraft draft = FormDraft.adding(CalendarType.TYPE, "Family");
        String token = SettingsForms.Submit.TYPE.decode(forms.open(ME, draft).form().id()).orElseThrow().draft();

        // WHEN what was typed is remembered for Try again
        forms.remember(ME, token, draft, Map.of("source", "feed", ADDRESS, FEED,
                USERNAME, "alice", PASSWORD, "feed-pw"));

        // THEN the draft holds the username, not the address nor the password
        assertThat(forms.draft(ME, token).typed()).containsEntry(USERNAME, "alice")
                .doesNotContainKeys(ADDRESS, PASSWORD);
        assertThat(forms.draft(ME, token).toString()).doesNotContain("private-TOKEN-4711", "feed-pw");
        // AND Try again opens the form with the username filled in and the address empty
        Response.ShowForm again = forms.reopen(ME, token);
        assertThat(text(again.form(), USERNAME).value()).isEqualTo("alice");
        assertThat(text(again.form(), ADDRESS).value()).isNull();
    }

    @Test
    @DisplayName("in the terminal, Try again after a refused feed asks for the address again and never shows it")
    void terminalTryAgain() {
        // WHEN a feed with a username but no password is refused, and the person tries again
        String output = TerminalDriver.converse(router, ME, "/integration add type:calendar label:Family",
                "1", FEED, "alice", "",
                "1",
                "", FEED, "", "");

        // THEN the second form asks for the address with nothing in brackets, and the address is never printed
        assertThat(output).contains("Password is empty: a feed with a username needs its password too.", "[1] Try again",
                "Username [alice] (optional): ").doesNotContain("private-TOKEN-4711");
    }

    @Test
    @DisplayName("a draft knows its form's secret fields: it neither keeps nor prints their values")
    void draftPrintsNoSecret() {
        // GIVEN a draft opened for a calendar form
        Form form = forms.open(ME, FormDraft.adding(CalendarType.TYPE, "Family")).form();
        String token = SettingsForms.Submit.TYPE.decode(form.id()).orElseThrow().draft();

        // WHEN values including the address and the password are put into it directly
        FormDraft typed = forms.draft(ME, token).withTyped(Map.of(ADDRESS, FEED, USERNAME, "alice",
                PASSWORD, "feed-pw"));

        // THEN it keeps and prints the username only
        assertThat(typed.typed()).containsOnlyKeys(USERNAME);
        assertThat(typed.toString()).contains("username=alice").doesNotContain("private-TOKEN-4711", "feed-pw");
    }

    @Test
    @DisplayName("a pending \"which calendar?\" question and each of its choices print the settings' secrets as ***")
    void choicesPrintNoSecret() {
        CheckResult.Choice feed = new CheckResult.Choice("Family", null,
                new CalendarFeedSettings(Secret.of(FEED), "alice", Secret.of("feed-pw")), CheckResult.connected("3 events"));
        CheckResult.Choice dav = new CheckResult.Choice("Personal", null, new CalDavSettings(
                "https://cloud.example.com/dav", "alice", Secret.of("dav-pw"), null, null), null);
        WhichOneQuestion.Pending pending = new WhichOneQuestion.Pending("token", FormDraft.adding(CalendarType.TYPE, "Family"),
                List.of(feed, dav));

        assertThat(feed.toString()).contains("url=***", "password=***").doesNotContain("private-TOKEN-4711", "feed-pw");
        assertThat(pending.toString()).contains("Personal", "password=***")
                .doesNotContain("private-TOKEN-4711", "feed-pw", "dav-pw");
    }

    private static Form.Text text(Form form, String key) {
        return (Form.Text) form.inputs().stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
    }
}
