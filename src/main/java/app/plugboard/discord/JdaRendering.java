package app.plugboard.discord;

import app.plugboard.chat.Card;
import app.plugboard.chat.Control;
import app.plugboard.chat.ControlRow;
import app.plugboard.chat.Form;
import app.plugboard.chat.Message;
import app.plugboard.chat.Option;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The conversation's messages and forms as JDA 6 builds them. No message may mention anyone: JDA would
 * otherwise let Discord turn {@code @everyone}, roles and users found in the text into pings (calendar titles,
 * names and labels end up in messages).
 */
final class JdaRendering {

    private static final Set<MentionType> NO_MENTIONS = EnumSet.noneOf(MentionType.class);

    private JdaRendering() {
    }

    static MessageCreateData create(Message message) {
        return new MessageCreateBuilder()
                .setAllowedMentions(NO_MENTIONS)
                .setContent(message.text())
                .setEmbeds(embeds(message))
                .setComponents(rows(message))
                .build();
    }

    /** Replaces everything: text, embeds and components (an empty list removes the old ones). */
    static MessageEditData edit(Message message) {
        return new MessageEditBuilder()
                .setAllowedMentions(NO_MENTIONS)
                .setContent(message.text())
                .setEmbeds(embeds(message))
                .setComponents(rows(message))
                .build();
    }

    static Modal modal(Form form) {
        Modal.Builder modal = Modal.create(form.id().encode(), form.title());
        for (Form.Input input : form.inputs()) {
            modal.addComponents(input instanceof Form.Text text ? textInput(text) : select((Form.Choice) input));
        }
        return modal.build();
    }

    private static Label textInput(Form.Text text) {
        TextInput.Builder input = TextInput.create(text.key(), text.maxLength() > 200 ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                .setRequired(text.required())
                .setMaxLength(text.maxLength());
        if (text.placeholder() != null) {
            input.setPlaceholder(text.placeholder());
        }
        if (text.value() != null) {
            input.setValue(text.value());
        }
        return Label.of(text.label(), text.description(), input.build());
    }

    private static Label select(Form.Choice choice) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(choice.key())
                .addOptions(choice.options().stream().map(JdaRendering::option).toList())
                .setRequiredRange(choice.required() ? 1 : 0, 1);
        return Label.of(choice.label(), choice.description(), menu.build());
    }

    private static List<MessageEmbed> embeds(Message message) {
        return message.cards().stream().map(JdaRendering::embed).toList();
    }

    private static MessageEmbed embed(Card card) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(card.title())
                .setDescription(card.description())
                .setColor(card.tone().rgb())
                .setFooter(card.footer());
        card.entries().forEach(entry -> embed.addField(entry.name(), entry.value(), entry.inline()));
        return embed.build();
    }

    private static List<ActionRow> rows(Message message) {
        return message.rows().stream().map(JdaRendering::row).toList();
    }

    private static ActionRow row(ControlRow row) {
        return ActionRow.of(row.controls().stream().map(JdaRendering::component).toList());
    }

    private static ActionRowChildComponent component(Control control) {
        if (control instanceof Control.Button button) {
            String id = button.id().encode();
            Button rendered = switch (button.style()) {
                case PRIMARY -> Button.primary(id, button.label());
                case SECONDARY -> Button.secondary(id, button.label());
                case SUCCESS -> Button.success(id, button.label());
                case DANGER -> Button.danger(id, button.label());
            };
            return rendered.withDisabled(button.disabled());
        }
        if (control instanceof Control.Link link) {
            return Button.link(link.url(), link.label());
        }
        Control.Select select = (Control.Select) control;
        return StringSelectMenu.create(select.id().encode())
                .setPlaceholder(select.placeholder())
                .addOptions(select.options().stream().map(JdaRendering::option).toList())
                .build();
    }

    private static SelectOption option(Option option) {
        return SelectOption.of(option.label(), option.value())
                .withDescription(option.description())
                .withDefault(option.selected());
    }
}
