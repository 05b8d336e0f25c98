package app.plugboard.integration;

import java.util.Map;

/** Non-secret one-line descriptions, from the plain settings alone (nothing is decrypted). */
final class Summaries {

    private Summaries() {
    }

    static String of(SettingsKind kind, Map<String, String> plain) {
        return switch (kind) {
            case IMAP -> plain.getOrDefault(ImapSettings.USERNAME, "?") + " on "
                    + plain.getOrDefault(ImapSettings.SERVER, "?") + ":" + plain.getOrDefault(ImapSettings.PORT, "?");
            case GMAIL -> plain.getOrDefault(GmailSettings.GOOGLE_ADDRESS, "?");
            case CALENDAR_FEED -> "iCal feed " + plain.getOrDefault(CalendarFeedSettings.DISPLAY_URL, "");
            case CALDAV -> {
                String server = WebAddresses.schemeAndHost(plain.getOrDefault(CalDavSettings.SERVER_URL, ""));
                String calendar = plain.getOrDefault(CalDavSettings.CALENDAR_NAME, "all calendars");
                String user = plain.get(CalDavSettings.USERNAME);
                yield (user == null ? "" : user + " on ") + server + " (" + calendar + ")";
            }
        };
    }
}
