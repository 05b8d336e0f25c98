package app.plugboard.chat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Plugboard says: text, cards and rows of controls. Always shown to the asker only.
 *
 * @param replyKey set when something will report back to this message later (a sign-in link): the
 *                 transport remembers where it showed the message under this key, so a
 *                 {@link Notifier} can replace it while it still can. An id, never a secret.
 */
public record Message(String text, List<Card> cards, List<ControlRow> rows, @Nullable String replyKey) {

    public Message(String text, List<Card> cards, List<ControlRow> rows) {
        this(text, cards, rows, null);
    }

    public Message {
        Limits.check(text, Limits.CONTENT, "A message");
        cards = List.copyOf(cards);
        rows = List.copyOf(rows);
        if (rows.size() > Limits.ROWS) {
            throw new IllegalArgumentException("a message has at most " + Limits.ROWS + " rows of controls");
        }
        if (cards.stream().mapToInt(Card::length).sum() > Limits.CARD_TOTAL) {
            throw new IllegalArgumentException("the cards of a message have at most " + Limits.CARD_TOTAL + " characters in all");
        }
        if (text.isBlank() && cards.isEmpty()) {
            throw new IllegalArgumentException("a message says something");
        }
    }

    public static Message text(String text) {
        return new Message(text, List.of(), List.of());
    }

    public static Message card(Card card, ControlRow... rows) {
        return new Message("", List.of(card), List.of(rows));
    }

    public Message withRow(ControlRow row) {
        List<ControlRow> more = new ArrayList<>(rows);
        more.add(row);
        return new Message(text, cards, more, replyKey);
    }

    public Message withRows(List<ControlRow> more) {
        List<ControlRow> all = new ArrayList<>(rows);
        all.addAll(more);
        return new Message(text, cards, all, replyKey);
    }

    /** The same message, marked so that a later {@link Notifier#notify} with this key replaces it. */
    public Message withReplyKey(String key) {
        return new Message(text, cards, rows, key);
    }
}
