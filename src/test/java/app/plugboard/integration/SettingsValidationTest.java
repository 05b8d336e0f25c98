package app.plugboard.integration;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.InputProblem;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.gmail.GmailSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.SampleSettings;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Settings validate themselves, field by field")
class SettingsValidationTest {

    @Test
    @DisplayName("the samples of every kind are valid")
    void samplesValid() {
        assertThat(SampleSettings.imap("pw").problems()).isEmpty();
        assertThat(SampleSettings.gmail("t").problems()).isEmpty();
        assertThat(SampleSettings.outlook("t").problems()).isEmpty();
        assertThat(SampleSettings.feed("t").problems()).isEmpty();
        assertThat(SampleSettings.caldav("pw").problems()).isEmpty();
    }

    static Stream<Arguments> invalidSettings() {
        Secret pw = Secret.of("pw");
        return Stream.of(
                Arguments.of(new ImapSettings("", pw, "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, null),
                        "username", "Username is empty"),
                Arguments.of(new ImapSettings("a@b.c", Secret.of(" "), "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, null),
                        "password", "Password is empty"),
                Arguments.of(new ImapSettings("a@b.c", pw, "imap.example.com:993", 993, ImapSecurity.IMPLICIT_TLS, null, null),
                        "server", "Server is not a server name"),
                Arguments.of(new ImapSettings("a@b.c", pw, "", 993, ImapSecurity.IMPLICIT_TLS, null, null),
                        "server", "Server is empty: enter a server name such as imap.example.com."),
                Arguments.of(new ImapSettings("a@b.c", pw, "imap.example.com", 70000, ImapSecurity.IMPLICIT_TLS, null, null),
                        "port", "Port must be a number from 1 to 65535"),
                Arguments.of(new ImapSettings("a@b.c", pw, "imap.example.com", null, ImapSecurity.IMPLICIT_TLS, null, null),
                        "port", "Port is empty"),
                Arguments.of(new ImapSettings("a@b.c", pw, "imap.example.com", 993, null, null, null),
                        "security", "Security is not chosen"),
                Arguments.of(new ImapSettings("a@b.c", pw, "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, "smtp/x", 465),
                        "smtpServer", "SMTP server is not a server name"),
                Arguments.of(new ImapSettings("a@b.c", pw, "imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, 587),
                        "smtpServer", "SMTP server is empty but an SMTP port is given"),
                Arguments.of(new GmailSettings("not-an-address", null, null, null, Set.of()),
                        "googleAddress", "Google address is not an email address"),
                Arguments.of(new GmailSettings("a@gmail.com", Secret.of("at"), null, Instant.EPOCH, Set.of()),
                        "refreshToken", "Google did not grant offline access"),
                Arguments.of(new CalendarFeedSettings(Secret.of("file:///etc/passwd"), null, null),
                        "url", "Calendar address must start with https://, http:// or webcal://, not file://."),
                Arguments.of(new CalendarFeedSettings(Secret.of("jar:http://x/y.jar!/"), null, null),
                        "url", "Calendar address must start with https://, http:// or webcal://, not jar://."),
                Arguments.of(new CalendarFeedSettings(Secret.of("https://bob:secret@cal.example.com/x.ics"), null, null),
                        "url", "Calendar address contains a username or password"),
                Arguments.of(new CalendarFeedSettings(Secret.of("calendar.example.com/x.ics"), null, null),
                        "url", "Calendar address must start with https://, http:// or webcal://."),
                Arguments.of(new CalendarFeedSettings(Secret.of("https://cal.example.com/x.ics"), "bob", null),
                        "password", "Password is empty: a feed with a username needs its password too."),
                Arguments.of(new CalDavSettings("ftp://dav.example.com", "bob", Secret.of("pw"), null, null),
                        "serverUrl", "CalDAV server address must start with https://"),
                Arguments.of(new CalDavSettings("https://dav.example.com", null, Secret.of("pw"), null, null),
                        "username", "Username is empty: a password needs its username too."),
                Arguments.of(new ImapSettings("alice\u2028@example.com", Secret.of("pw"), "imap.example.com", 993,
                        ImapSecurity.IMPLICIT_TLS, null, null), "username", "Username contains a line break or control character"),
                Arguments.of(new CalDavSettings("https://dav.example.com", "alice\u0085", Secret.of("pw"), null, null),
                        "username", "Username contains a line break or control character"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalidSettings")
    @DisplayName("each wrong field is named with what to do")
    void namesTheField(IntegrationSettings settings, String field, String messageStart) {
        List<InputProblem> problems = settings.problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).key()).isEqualTo(field);
        assertThat(problems.get(0).message()).startsWith(messageStart);
    }

    @Test
    @DisplayName("webcal:// means https://, and lists show only scheme and host of a feed")
    void webcal() {
        CalendarFeedSettings feed = new CalendarFeedSettings(
                Secret.of(" webcal://p01-calendars.icloud.com/published/2/SECRETTOKEN "), null, null);

        assertThat(feed.problems()).isEmpty();
        assertThat(feed.url().reveal()).isEqualTo("https://p01-calendars.icloud.com/published/2/SECRETTOKEN");
        assertThat(feed.displayUrl()).isEqualTo("https://p01-calendars.icloud.com/...");
        assertThat(feed.toString()).doesNotContain("SECRETTOKEN");
    }

    @Test
    @DisplayName("settings print their secrets as ***")
    void masked() {
        assertThat(SampleSettings.imap("hunter2").toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(SampleSettings.gmail("tok").toString()).doesNotContain("tok-").contains("accessToken=***");
        assertThat(SampleSettings.caldav("hunter2").toString()).doesNotContain("hunter2");
    }
}
