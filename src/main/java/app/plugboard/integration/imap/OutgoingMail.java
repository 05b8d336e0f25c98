package app.plugboard.integration.imap;

import java.util.List;

/** A plain text message to send from a mailbox. */
public record OutgoingMail(List<String> to, String subject, String text) {

    public OutgoingMail {
        to = List.copyOf(to);
    }
}
