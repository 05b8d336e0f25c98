package app.plugboard.integration.imap;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message with its text: the plain text part when there is one, else the HTML part as text;
 * attachments are left out.
 *
 * @param unread    whether it was unread before it was fetched (fetching does not mark it read)
 * @param truncated whether the text was cut at {@link MailAccess#MAX_TEXT} characters
 */
public record MailMessage(MessageRef ref, String from, List<String> to, String subject, @Nullable Instant date,
        boolean unread, String text, boolean truncated) {

    public MailMessage {
        to = List.copyOf(to);
    }
}
