package app.plugboard.integration;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.common.InputProblem;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.testsupport.SampleSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A stored secret is kept only for the destinations it was entered for")
class SecretReuseTest {

    static final Secret PW = Secret.of("stored-pw");
    static final String ASK_AGAIN = "Password: the server changed, so type the password again; "
            + "Plugboard only sends a stored password to the server it was entered for.";

    static ImapSettings imap(String server, int port, ImapSecurity security, String smtpServer, Integer smtpPort) {
        return new ImapSettings("alice@example.com", PW, server, port, security, smtpServer, smtpPort);
    }

    static List<InputProblem> kept(IntegrationSettings stored, IntegrationSettings edited) {
        return SecretReuse.problems(stored, edited, Set.of(), Set.of());
    }

    @Nested
    @DisplayName("destinations compare the way servers are told apart")
    class Destinations {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "https://Cloud.Example.COM/remote.php/dav,  https://cloud.example.com:443/other",
                "http://calendar.example.com/a.ics,         http://calendar.example.com:80/b.ics",
                "webcal://calendar.example.com/a.ics,       https://calendar.example.com/a.ics",
                "https://calendar.example.com./a.ics,       https://calendar.example.com/b.ics",
                "HTTPS://[::1]:8443/a,                      https://[::1]:8443/b"})
        @DisplayName("the same origin")
        void same(String one, String other) {
            assertThat(Destination.origin(one)).isEqualTo(Destination.origin(other));
        }

        @ParameterizedTest(name = "{0} is not {1}")
        @CsvSource({
                "https://calendar.example.com/a.ics,  http://calendar.example.com/a.ics",
                "https://calendar.example.com/a.ics,  https://calendar.example.com:8443/a.ics",
                "https://calendar.example.com/a.ics,  https://calendar.example.net/a.ics",
                "https://calendar.example.com/a.ics,  https://evil.calendar.example.com/a.ics"})
        @DisplayName("another origin")
        void other(String one, String other) {
            assertThat(Destination.origin(one)).isNotEqualTo(Destination.origin(other));
        }

        @Test
        @DisplayName("a mailbox password goes to its IMAP server and its SMTP server, each with its security")
        void mailDestinations() {
            ImapSettings settings = imap("IMAP.Example.com.", 993, ImapSecurity.IMPLICIT_TLS, "smtp.example.com", null);

            assertThat(settings.secretUses().get(ImapSettings.PASSWORD).destinations()).containsExactlyInAnyOrder(
                    new Destination("imaps", "imap.example.com", 993), new Destination("smtps", "smtp.example.com", 465));
        }

        @Test
        @DisplayName("Gmail's tokens go only where the operator configured: no destination a person can type")
        void gmail() {
            assertThat(SampleSettings.gmail("t").secretUses().values())
                    .allSatisfy(use -> assertThat(use.destinations()).isEmpty());
        }
    }

    @Nested
    @DisplayName("IMAP mail")
    class Mail {

        final ImapSettings stored = imap("imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, "smtp.example.com", 587);

        @Test
        @DisplayName("the same servers, written another way, keep the password")
        void sameServers() {
            assertThat(kept(stored, imap("IMAP.example.com.", 993, ImapSecurity.IMPLICIT_TLS, "Smtp.Example.com", 587))).isEmpty();
        }

        @Test
        @DisplayName("sending through no server any more keeps it")
        void fewerServers() {
            assertThat(kept(stored, imap("imap.example.com", 993, ImapSecurity.IMPLICIT_TLS, null, null))).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "another SMTP server,   imap.example.com, 993, IMPLICIT_TLS, smtp.attacker.example, 587",
                "another SMTP port,     imap.example.com, 993, IMPLICIT_TLS, smtp.example.com,      2525",
                "another IMAP server,   imap.attacker.example, 993, IMPLICIT_TLS, smtp.example.com, 587",
                "another IMAP port,     imap.example.com, 1993, IMPLICIT_TLS, smtp.example.com,     587",
                "another IMAP security, imap.example.com, 993, STARTTLS,     smtp.example.com,      587"})
        @DisplayName("a new destination needs the password typed again, naming the field")
        void newDestination(String what, String server, int port, ImapSecurity security, String smtpServer, int smtpPort) {
            assertThat(kept(stored, imap(server, port, security, smtpServer, smtpPort)))
                    .containsExactly(new InputProblem(ImapSettings.PASSWORD, ASK_AGAIN));
        }

        @Test
        @DisplayName("a password typed in this edit may go to the new server")
        void typedAgain() {
            ImapSettings moved = imap("imap.example.net", 993, ImapSecurity.IMPLICIT_TLS, null, null);

            assertThat(SecretReuse.problems(stored, moved, Set.of(Secret.of("stored-pw")), Set.of())).isEmpty();
        }

        @Test
        @DisplayName("a destination the type vouches for (the same provider's SMTP server) keeps it")
        void sameProvider() {
            ImapSettings gmail = new ImapSettings("alice@gmail.com", PW, "imap.gmail.com", 993, ImapSecurity.IMPLICIT_TLS, null, null);
            ImapSettings sending = new ImapSettings("alice@gmail.com", PW, "imap.gmail.com", 993, ImapSecurity.IMPLICIT_TLS,
                    "smtp.gmail.com", 465);

            assertThat(SecretReuse.problems(gmail, sending, Set.of(), Set.of(new Destination("smtps", "smtp.gmail.com", 465))))
                    .isEmpty();
            assertThat(kept(gmail, sending)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("calendars")
    class Calendars {

        @Test
        @DisplayName("a feed's password stays with its address's origin")
        void feed() {
            CalendarFeedSettings stored = new CalendarFeedSettings(Secret.of("https://cal.example.com/private/a.ics"), "alice", PW);

            assertThat(kept(stored, new CalendarFeedSettings(Secret.of("webcal://CAL.example.com:443/private/b.ics"), "alice", PW)))
                    .isEmpty();
            assertThat(kept(stored, new CalendarFeedSettings(Secret.of("https://cal.example.net/a.ics"), "alice", PW)))
                    .containsExactly(new InputProblem(CalendarFeedSettings.PASSWORD, ASK_AGAIN));
            assertThat(kept(stored, new CalendarFeedSettings(Secret.of("http://cal.example.com/private/a.ics"), "alice", PW)))
                    .containsExactly(new InputProblem(CalendarFeedSettings.PASSWORD, ASK_AGAIN));
        }

        @Test
        @DisplayName("a new feed address is itself typed now: it may go to its own origin")
        void feedAddress() {
            CalendarFeedSettings stored = new CalendarFeedSettings(Secret.of("https://cal.example.com/private/a.ics"), null, null);

            assertThat(kept(stored, new CalendarFeedSettings(Secret.of("https://cal.example.net/b.ics"), null, null))).isEmpty();
        }

        @Test
        @DisplayName("a CalDAV password stays with its server's origin")
        void caldav() {
            CalDavSettings stored = SampleSettings.caldav("stored-pw");

            assertThat(kept(stored, new CalDavSettings("https://cloud.example.com/dav", "alice", PW, null, null))).isEmpty();
            assertThat(kept(stored, new CalDavSettings("https://cloud.example.org/remote.php/dav", "alice", PW, null, null)))
                    .containsExactly(new InputProblem(CalDavSettings.PASSWORD, ASK_AGAIN));
        }
    }
}
