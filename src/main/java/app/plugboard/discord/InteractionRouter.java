package app.plugboard.discord;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.chat.SlowWork;
import app.plugboard.common.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener for every interaction: slash commands, autocomplete, modals, buttons and
 * selects become {@link ChatEvent}s for the {@link ChatRouter}, and its answers go back as JDA
 * callbacks. Every reply is ephemeral. Slow work is acknowledged first and runs on the bounded
 * {@link SlowWork} pool; a form is always the first answer.
 */
@org.springframework.stereotype.Component
class InteractionRouter extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);

    private final ChatRouter router;
    private final SlowWork slowWork;
    private final PendingReplies pending;
    private final DiscordUserNames names;

    InteractionRouter(ChatRouter router, SlowWork slowWork, PendingReplies pending, DiscordUserNames names) {
        this.router = router;
        this.slowWork = slowWork;
        this.pending = pending;
        this.names = names;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Map<String, String> options = new HashMap<>();
        for (OptionMapping option : event.getOptions()) {
            options.put(option.getName(), option.getAsString());
        }
        ChatEvent.Command command = new ChatEvent.Command(user(event.getUser().getIdLong()), event.getName(),
                event.getSubcommandName() == null ? "" : event.getSubcommandName(), options);
        answer(event, router.handle(command), null, event);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        Map<String, String> options = new HashMap<>();
        for (OptionMapping option : event.getOptions()) {
            options.put(option.getName(), option.getAsString());
        }
        options.put(event.getFocusedOption().getName(), event.getFocusedOption().getValue());
        Response response = router.handle(new ChatEvent.Autocomplete(user(event.getUser().getIdLong()), event.getName(),
                event.getSubcommandName() == null ? "" : event.getSubcommandName(), event.getFocusedOption().getName(), options));
        var choices = response instanceof Response.Suggestions suggestions
                ? suggestions.suggestions().stream().map(s -> new Command.Choice(s.label(), s.value())).toList()
                : java.util.List.<Command.Choice>of();
        event.replyChoices(choices).queue(null, failure("autocomplete"));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Map<String, String> values = new HashMap<>();
        for (ModalMapping value : event.getValues()) {
            values.put(value.getCustomId(), value.getType() == Component.Type.TEXT_INPUT
                    ? value.getAsString()
                    : value.getAsStringList().isEmpty() ? "" : value.getAsStringList().get(0));
        }
        answer(event, router.handle(new ChatEvent.FormSubmit(user(event.getUser().getIdLong()), event.getModalId(), values)),
                null, null);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        onComponent(event, new ChatEvent.Click(user(event.getUser().getIdLong()), event.getComponentId()));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        onComponent(event, new ChatEvent.Choose(user(event.getUser().getIdLong()), event.getComponentId(), event.getValues()));
    }

    private void onComponent(GenericComponentInteractionCreateEvent event, ChatEvent chatEvent) {
        answer(event, router.handle(chatEvent), event, event);
    }

    /**
     * @param editable the message whose control was used (null: the answer is a new message)
     * @param modal where a form can be shown (null: not a first answer that can be a form)
     */
    private void answer(IReplyCallback event, Response response, IMessageEditCallback editable, IModalCallback modal) {
        names.seen(event.getUser());
        if (response instanceof Response.Reply reply) {
            event.reply(JdaRendering.create(reply.message())).setEphemeral(true)
                    .queue(hook -> remember(event, reply.message(), hook), failure("reply"));
        } else if (response instanceof Response.Update update) {
            if (editable != null) {
                editable.editMessage(JdaRendering.edit(update.message())).queue(null, failure("update"));
            } else {
                event.reply(JdaRendering.create(update.message())).setEphemeral(true).queue(null, failure("reply"));
            }
        } else if (response instanceof Response.ShowForm form) {
            if (modal != null) {
                modal.replyModal(JdaRendering.modal(form.form())).queue(null, failure("modal"));
            } else {
                log.error("A form was answered to a form; showing a message instead");
                event.reply("Something went wrong on our side, sorry. Run the command again.").setEphemeral(true)
                        .queue(null, failure("reply"));
            }
        } else if (response instanceof Response.Later later) {
            later(event, later, later.inPlace() ? editable : null);
        } else {
            log.error("An unexpected answer {} to an interaction", response.getClass().getSimpleName());
            event.reply("Something went wrong on our side, sorry. Run the command again.").setEphemeral(true)
                    .queue(null, failure("reply"));
        }
    }

    /** Acknowledge now (with the progress text, if any), do the work elsewhere, then edit the result in. */
    private void later(IReplyCallback event, Response.Later later, IMessageEditCallback editable) {
        Consumer<InteractionHook> work = hook -> slowWork.run(later, result -> {
            remember(event, result, hook);
            hook.editOriginal(JdaRendering.edit(result)).queue(null, failure("edit"));
        });
        Message progress = later.progress();
        if (editable != null) {
            if (progress == null) {
                editable.deferEdit().queue(work, failure("defer edit"));
            } else {
                editable.editMessage(JdaRendering.edit(progress)).queue(work, failure("progress"));
            }
        } else if (progress == null) {
            event.deferReply(true).queue(work, failure("defer"));
        } else {
            event.reply(JdaRendering.create(progress)).setEphemeral(true).queue(work, failure("progress"));
        }
    }

    /** A message that something reports back to later: keep where it is, so the report can replace it. */
    private void remember(IReplyCallback event, Message message, InteractionHook hook) {
        if (message.replyKey() != null) {
            pending.remember(message.replyKey(), user(event.getUser().getIdLong()), hook);
        }
    }

    private static UserId user(long id) {
        return new UserId(id);
    }

    private static Consumer<Throwable> failure(String what) {
        return failure -> log.warn("Discord refused the {} of an interaction: {}", what, failure.toString());
    }
}
