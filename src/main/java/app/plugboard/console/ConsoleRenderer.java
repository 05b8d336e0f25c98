package app.plugboard.console;

import app.plugboard.chat.Card;
import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.common.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A message as text: cards as boxes, and every button and select option as a numbered choice
 * (the number is what the person types to click it).
 */
final class ConsoleRenderer {

    static final String ONLY_YOU = "Plugboard (only you can see this):";

    record Rendered(String text, List<Function<UserId, ChatEvent>> choices) {
    }

    private ConsoleRenderer() {
    }

    static Rendered render(Message message) {
        StringBuilder out = new StringBuilder(ONLY_YOU).append('\n');
        if (!message.text().isBlank()) {
            indent(out, plain(message.text()), "  ");
        }
        for (Card card : message.cards()) {
            out.append("  ┌─ ").append(plain(card.title())).append('\n');
            if (card.description() != null) {
                indent(out, plain(card.description()), "  │  ");
            }
            for (Card.Entry entry : card.entries()) {
                indent(out, plain(entry.name()) + ": " + plain(entry.value()), "  │  ");
            }
            out.append("  └─").append(card.footer() == null ? "" : " " + plain(card.footer())).append('\n');
        }
        List<Function<UserId, ChatEvent>> choices = new ArrayList<>();
        for (ControlRow row : message.rows()) {
            List<String> buttons = new ArrayList<>();
            for (Control control : row.controls()) {
                if (control instanceof Control.Button button) {
                    if (button.disabled()) {
                        buttons.add("(" + button.label() + ")");
                    } else {
                        choices.add(user -> new ChatEvent.Click(user, button.id().encode()));
                        buttons.add("[" + choices.size() + "] " + button.label());
                    }
                } else if (control instanceof Control.Link link) {
                    buttons.add(link.label() + ": open " + link.url());
                } else if (control instanceof Control.Select select) {
                    out.append("  ").append(select.placeholder()).append('\n');
                    for (Option option : select.options()) {
                        choices.add(user -> new ChatEvent.Choose(user, select.id().encode(), List.of(option.value())));
                        out.append("    [").append(choices.size()).append("] ").append(option.label())
                                .append(option.description() == null ? "" : " — " + option.description()).append('\n');
                    }
                }
            }
            if (!buttons.isEmpty()) {
                out.append("  ").append(String.join("   ", buttons)).append('\n');
            }
        }
        return new Rendered(out.toString().stripTrailing(), choices);
    }

    /** Discord's markdown, for a terminal: bold and code marks go. */
    static String plain(String text) {
        return text.replace("**", "").replace("`", "");
    }

    private static void indent(StringBuilder out, String text, String prefix) {
        for (String line : text.split("\n", -1)) {
            out.append(prefix).append(line).append('\n');
        }
    }
}
