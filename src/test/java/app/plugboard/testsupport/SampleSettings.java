package app.plugboard.testsupport;

import app.plugboard.integration.Secret;
import app.plugboard.integration.calendar.CalDavSettings;
import app.plugboard.integration.calendar.CalendarFeedSettings;
import app.plugboard.integration.gmail.GmailSettings;
import app.plugboard.integration.imap.ImapSecurity;
import app.plugboard.integration.imap.ImapSettings;
import app.plugboard.integration.outlook.OutlookSettings;
import java.time.Instant;
import java.util.Set;

/** Valid settings of every kind, with the secret of the caller's choice in every secret field. */
public final class SampleSettings {

    private SampleSettings() {
    }

    public static ImapSettings imap(String password) {
        return new ImapSettings("alice@example.com", Secret.of(password), "imap.example.com", 993,
                ImapSecurity.IMPLICIT_TLS, "smtp.example.com", 465);
    }

    public static GmailSettings gmail(String token) {
        return new GmailSettings("alice@gmail.com", Secret.of(token + "-access"), Secret.of(token + "-refresh"),
                Instant.parse("2026-11-25T12:00:00Z"), Set.of("openid", "email", "https://mail.google.com/"));
    }

    public static OutlookSettings outlook(String token) {
        return new OutlookSettings("alice@outlook.com", "9188040d-6c67-4c5b-b112-36a304b66dad",
                "00000000-0000-0000-66f3-3332eca7ea81", Secret.of(token + "-access"), Secret.of(token + "-refresh"),
                Instant.parse("2026-11-25T12:00:00Z"), Set.of("https://outlook.office.com/IMAP.AccessAsUser.All",
                        "https://outlook.office.com/SMTP.Send"));
    }

    public static CalendarFeedSettings feed(String token) {
        return new CalendarFeedSettings(
                Secret.of("https://calendar.google.com/calendar/ical/alice/private-" + token + "/basic.ics"),
                "alice", Secret.of(token + "-feedpass"));
    }

    public static CalDavSettings caldav(String password) {
        return new CalDavSettings("https://cloud.example.com/remote.php/dav", "alice", Secret.of(password),
                "https://cloud.example.com/remote.php/dav/calendars/alice/personal/", "Personal");
    }
}
