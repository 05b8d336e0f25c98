package app.plugboard.integration.imap;

import app.plugboard.integration.CheckResult;
import app.plugboard.integration.ConnectionProbe;
import app.plugboard.integration.IntegrationSettings;
import app.plugboard.integration.SettingsKind;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The IMAP connection check: connect, log in, count the messages and unread ones of INBOX (opened
 * read-only), count the folders, log out; then, when the settings have an SMTP server, connect and
 * log in there too. A mailbox at Microsoft, which takes no password over IMAP, is sent to the Outlook
 * type without trying. The result shows what was found: "Connected as alice@example.com: INBOX 1,234
 * messages (5 unread), 12 folders."
 */
@Component
class ImapProbe implements ConnectionProbe {

    private final MailConnector connector;

    ImapProbe(MailConnector connector) {
        this.connector = connector;
    }

    @Override
    public SettingsKind kind() {
        return ImapType.KIND;
    }

    record Inbox(int messages, int unread, int folders) {
    }

    @Override
    public CheckResult check(IntegrationSettings settings) {
        ImapSettings imap = (ImapSettings) settings;
        Optional<String> signInInstead = ProviderPresets.signInOnly(imap.username(), imap.server());
        if (signInInstead.isPresent()) {
            return CheckResult.error(signInInstead.get(), null); // a password login there is refused: no need to try
        }
        long deadline = connector.deadlineFromNow();
        try {
            Inbox inbox = connector.imap(imap, deadline, ImapProbe::inbox);
            String preview = preview(imap.username(), inbox);
            if (imap.smtpServer() != null) {
                connector.smtp(imap, deadline, (session, transport) -> null);
                preview += " Sending through " + MailEndpoint.smtp(imap).hostAndPort() + " works too.";
            }
            return CheckResult.connected(preview);
        } catch (MailException e) {
            return e.result();
        }
    }

    /** "Connected as alice@example.com: INBOX 1,234 messages (5 unread), 12 folders." */
    static String preview(String username, Inbox inbox) {
        return "Connected as " + username + ": INBOX " + count(inbox.messages(), "message")
                + " (" + number(inbox.unread()) + " unread), " + count(inbox.folders(), "folder") + ".";
    }

    static Inbox inbox(Store store) throws MessagingException {
        int folders = store.getDefaultFolder().list("*").length;
        Folder inbox = store.getFolder("INBOX");
        int unread = inbox.getUnreadMessageCount(); // STATUS, before the folder is selected
        inbox.open(Folder.READ_ONLY);
        try {
            return new Inbox(inbox.getMessageCount(), Math.max(unread, 0), folders);
        } finally {
            inbox.close(false);
        }
    }

    private static String count(int value, String noun) {
        return number(value) + " " + noun + (value == 1 ? "" : "s");
    }

    private static String number(int value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }
}
