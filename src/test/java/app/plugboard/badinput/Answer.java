package app.plugboard.badinput;

import app.plugboard.chat.Card;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Form;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import app.plugboard.chat.Response;
import app.plugboard.chat.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a person was shown for one event, as the terminal and Discord would show it: the first answer, and
 * for slow work the progress line and the result (the work is run at once, as the terminal does).
 *
 * @param messages the messages shown, in order (a progress line first, then the result)
 */
record Answer(Response response, List<Message> messages, @Nullable Form form, List<Suggestion> suggestions) {

    static Answer of(Response response) {
        List<Message> messages = new ArrayList<>();
        Form form = null;
        List<Suggestion> suggestions = List.of();
        if (response instanceof Response.Reply reply) {
            messages.add(reply.message());
        } else if (response instanceof Response.Update update) {
            messages.add(update.message());
        } else if (response instanceof Response.ShowForm show) {
            form = show.form();
        } else if (response instanceof Response.Suggestions offered) {
            suggestions = offered.suggestions();
        } else if (response instanceof Response.Later later) {
            if (later.progress() != null) {
                messages.add(later.progress());
            }
            messages.add(later.work().get());
        }
        return new Answer(response, List.copyOf(messages), form, suggestions);
    }

    /** The last message: what the person reads in the end. */
    Optional<Message> last() {
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1));
    }

    /** Every text shown: message texts, cards, control labels, the form's texts and prefilled values, suggestions. */
    String shown() {
        StringBuilder all = new StringBuilder();
        for (Message message : messages) {
            line(all, message.text());
            for (Card card : message.cards()) {
                line(all, card.title());
                line(all, card.description());
                card.entries().forEach(entry -> line(all, entry.name() + ": " + entry.value()));
                line(all, card.footer());
            }
            for (ControlRow row : message.rows()) {
                for (Control control : row.controls()) {
                    if (control instanceof Control.Button button) {
                        line(all, "[" + button.label() + "]");
                    } else if (control instanceof Control.Link link) {
                        line(all, "[" + link.label() + "](" + link.url() + ")");
                    } else if (control instanceof Control.Select select) {
                        line(all, "[" + select.placeholder() + "]");
                        for (Option option : select.options()) {
                            line(all, "  " + option.label() + " " + (option.description() == null ? "" : option.description()));
                        }
                    }
                }
            }
        }
        if (form != null) {
            line(all, "form: " + form.title());
            for (Form.Input input : form.inputs()) {
                line(all, input.label());
                if (input instanceof Form.Text text) {
                    line(all, text.description());
                    line(all, text.placeholder());
                    line(all, text.value());
                } else if (input instanceof Form.Choice choice) {
                    line(all, choice.description());
                    choice.options().forEach(option -> line(all, option.label()));
                }
            }
        }
        suggestions.forEach(suggestion -> line(all, suggestion.label() + " -> " + suggestion.value()));
        return all.toString();
    }

    /** The ids of the buttons and selects shown, and of the form. */
    List<String> componentIds() {
        List<String> ids = new ArrayList<>();
        messages.forEach(message -> message.rows().forEach(row -> row.controls().forEach(control -> {
            if (control instanceof Control.Button button) {
                ids.add(button.id().encode());
            } else if (control instanceof Control.Select select) {
                ids.add(select.id().encode());
            }
        })));
        if (form != null) {
            ids.add(form.id().encode());
        }
        return ids;
    }

    List<Control.Button> buttons() {
        List<Control.Button> buttons = new ArrayList<>();
        messages.forEach(message -> message.rows().forEach(row -> row.controls().stream()
                .filter(Control.Button.class::isInstance).map(Control.Button.class::cast).forEach(buttons::add)));
        return buttons;
    }

    List<Control.Select> selects() {
        List<Control.Select> selects = new ArrayList<>();
        messages.forEach(message -> message.rows().forEach(row -> row.controls().stream()
                .filter(Control.Select.class::isInstance).map(Control.Select.class::cast).forEach(selects::add)));
        return selects;
    }

    Optional<Control.Button> button(String label) {
        return buttons().stream().filter(button -> button.label().equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return response.getClass().getSimpleName() + ":\n" + shown();
    }

    private static void line(StringBuilder all, @Nullable String text) {
        if (text != null && !text.isEmpty()) {
            all.append(text).append('\n');
        }
    }
}
