package app.plugboard.integration.imap;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message in a list: who sent it, about what, when, and whether it is still unread.
 *
 * @param from the sender as "Name <address>", or "(unknown sender)"
 * @param date when it was sent (or received, when it carries no date)
 */
public record MailSummary(MessageRef ref, String from, String subject, @Nullable Instant date, boolean unread) {
}
