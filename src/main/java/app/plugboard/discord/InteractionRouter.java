package app.plugboard.discord;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.ChatRouter;
import app.plugboard.chat.Message;
import app.plugboard.chat.Response;
import app.plugboard.common.ThreadPools;
import app.plugboard.common.UserId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
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
import net.dv8tion.jda.api.requests.RestAction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.beans.factory.DisposableBean;
import org.slf4j.LoggerFactory;

/**
 * The one listener for every interaction: slash commands, autocomplete, modals, buttons and
 * selects become {@link ChatEvent}s for the {@link ChatRouter}, and its answers go back as JDA
 * callbacks. Every reply is ephemeral. Slow work is acknowledged first and runs on the bounded
 * {@link SlowWork} pool; a form is always the first answer.
 */
@org.springframework.stereotype.Component
class InteractionRouter extends ListenerAdapter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InteractionRouter.class);
    /** Pauses before sending a result's edit again that Discord could not take: about a minute in all. */
    static final List<Duration> EDIT_RETRY_PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(30));

    private final ChatRouter router;
    private final SlowWork slowWork;
    private final Duration answerWithin;
    private final ScheduledExecutorService timer;
    /** Interactions received whose first answer Discord has not confirmed yet. */
    private final Acknowledgements unacknowledged = new Acknowledgements();
    private final ReplyHooks hooks;
    private final DiscordUserNames names;
    private final DiscordObserver observer;

    InteractionRouter(ChatRouter router, SlowWork slowWork, ReplyHooks hooks, DiscordUserNames names,
            DiscordProperties properties, DiscordObserver observer) {
        this.router = router;
        this.observer = observer;
        this.slowWork = slowWork;
        this.hooks = hooks;
        this.names = names;
        this.answerWithin = properties.answerWithin();
        slowWork.holdBackFor(unacknowledged);
        this.timer = Executors.newSingleThreadScheduledExecutor(ThreadPools.daemonThreads("discord-defer-timer-"));
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        AnswerTiming timing = new AnswerTiming(observer, "command");
        Map<String, String> options = new HashMap<>();
        for (OptionMapping option : event.getOptions()) {
            options.put(option.getName(), option.getAsString());
        }
        ChatEvent.Command command = new ChatEvent.Command(user(event.getUser().getIdLong()), event.getName(),
                event.getSubcommandName() == null ? "" : event.getSubcommandName(), options);
        unacknowledged.received();
        answer(event, router.handle(command), null, event, timing);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        AnswerTiming timing = new AnswerTiming(observer, "autocomplete");
        unacknowledged.received();
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
        acknowledge(event.replyChoices(choices), null, "autocomplete", timing);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        AnswerTiming timing = new AnswerTiming(observer, "form");
        Map<String, String> values = new HashMap<>();
        for (ModalMapping value : event.getValues()) {
            values.put(value.getCustomId(), value.getType() == Component.Type.TEXT_INPUT
                    ? value.getAsString()
                    : value.getAsStringList().isEmpty() ? "" : value.getAsStringList().get(0));
        }
        unacknowledged.received();
        answer(event, router.handle(new ChatEvent.FormSubmit(user(event.getUser().getIdLong()), event.getModalId(), values)),
                null, null, timing);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        onComponent(event, new ChatEvent.Click(user(event.getUser().getIdLong()), event.getComponentId()),
                new AnswerTiming(observer, "button"));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        onComponent(event, new ChatEvent.Choose(user(event.getUser().getIdLong()), event.getComponentId(), event.getValues()),
                new AnswerTiming(observer, "select"));
    }

    private void onComponent(GenericComponentInteractionCreateEvent event, ChatEvent chatEvent, AnswerTiming timing) {
        unacknowledged.received();
        answer(event, router.handle(chatEvent), event, event, timing);
    }

    /**
     * @param editable the message whose control was used (null: the answer is a new message)
     * @param modal where a form can be shown (null: not a first answer that can be a form)
     */
    private void answer(IReplyCallback event, Response response, IMessageEditCallback editable, IModalCallback modal,
            AnswerTiming timing) {
        names.seen(event.getUser());
        if (response instanceof Response.Reply reply) {
            remember(event, reply.message());
            acknowledge(event.reply(JdaRendering.create(reply.message())).setEphemeral(true), null, "reply", timing);
        } else if (response instanceof Response.Update update) {
            if (editable != null) {
                acknowledge(editable.editMessage(JdaRendering.edit(update.message())), null, "update", timing);
            } else {
                acknowledge(event.reply(JdaRendering.create(update.message())).setEphemeral(true), null, "reply", timing);
            }
        } else if (response instanceof Response.ShowForm form) {
            if (modal != null) {
                acknowledge(modal.replyModal(JdaRendering.modal(form.form())), null, "modal", timing);
            } else {
                log.error("A form was answered to a form; showing a message instead");
                acknowledge(event.reply("Something went wrong on our side, sorry. Run the command again.").setEphemeral(true),
                        null, "reply", timing);
            }
        } else if (response instanceof Response.Later later) {
            later(event, later, later.inPlace() ? editable : null, timing);
        } else {
            log.error("An unexpected answer {} to an interaction", response.getClass().getSimpleName());
            acknowledge(event.reply("Something went wrong on our side, sorry. Run the command again.").setEphemeral(true),
                    null, "reply", timing);
        }
    }

    /**
     * Slow work. With a progress text: acknowledged at once with it, the result edited in. Without,
     * when the slow-work pool is idle: the work starts at once, and if its message is ready within
     * {@code answerWithin} it is the answer itself (no "thinking…" flash, one request instead of
     * two); otherwise the interaction is deferred when that time is up and the message edited in
     * when it comes. When the pool is busy, acknowledging comes first: deferred at once. The event
     * thread never waits.
     */
    private void later(IReplyCallback event, Response.Later later, IMessageEditCallback editable, AnswerTiming timing) {
        Message progress = later.progress();
        if (progress == null && !slowWork.idle()) {
            Consumer<InteractionHook> work = hook -> slowWork.run(later, result -> editIn(event, hook, result, timing));
            if (editable != null) {
                acknowledge(editable.deferEdit(), work, "defer edit", later.abandon(), timing);
            } else {
                acknowledge(event.deferReply(true), work, "defer", later.abandon(), timing);
            }
            return;
        }
        if (progress != null) {
            Consumer<InteractionHook> work = hook -> slowWork.run(later, result -> editIn(event, hook, result, timing));
            if (editable != null) {
                acknowledge(editable.editMessage(JdaRendering.edit(progress)), work, "progress", later.abandon(), timing);
            } else {
                acknowledge(event.reply(JdaRendering.create(progress)).setEphemeral(true), work, "progress", later.abandon(),
                        timing);
            }
            return;
        }
        CompletableFuture<Message> result = slowWork.submit(later);
        AtomicBoolean answered = new AtomicBoolean();
        ScheduledFuture<?> deferral = timer.schedule(() -> {
            if (answered.compareAndSet(false, true)) {
                Consumer<InteractionHook> editWhenDone = hook -> result.thenAccept(message -> editIn(event, hook, message, timing));
                if (editable != null) {
                    acknowledge(editable.deferEdit(), editWhenDone, "defer edit", timing);
                } else {
                    acknowledge(event.deferReply(true), editWhenDone, "defer", timing);
                }
            }
        }, answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        result.thenAccept(message -> {
            if (answered.compareAndSet(false, true)) {
                deferral.cancel(false);
                remember(event, message);
                if (editable != null) {
                    acknowledge(editable.editMessage(JdaRendering.edit(message)), null, "update", timing);
                } else {
                    acknowledge(event.reply(JdaRendering.create(message)).setEphemeral(true), null, "reply", timing);
                }
            }
        });
    }

    private void editIn(IReplyCallback event, InteractionHook hook, Message result, AnswerTiming timing) {
        remember(event, result);
        editIn(hook, result, timing, 0);
    }

    /**
     * The result replaces "Checking…" (or "thinking…"). JDA itself sends a request again only after a 502, 503 or
     * 504 and waits out rate limits; a 500 or a lost connection would leave the person on "Checking…" although the
     * work is done and stored, so such an edit is sent again after a pause, while Discord still takes it (the
     * interaction's token lives 15 minutes). Discord refusing it (an unknown or expired token) is final.
     */
    private void editIn(InteractionHook hook, Message result, AnswerTiming timing, int attempt) {
        hook.editOriginal(JdaRendering.edit(result)).queue(edited -> timing.answered(true), failure -> {
            if (attempt < EDIT_RETRY_PAUSES.size() && isDiscordDown(failure)) {
                log.info("Discord could not take the answer's edit ({}); sending it again in {}", failure.toString(),
                        EDIT_RETRY_PAUSES.get(attempt));
                timer.schedule(() -> editIn(hook, result, timing, attempt + 1), EDIT_RETRY_PAUSES.get(attempt).toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            timing.answered(false);
            failure("edit").accept(failure);
        });
    }

    /** A server error or no answer at all (JDA reports both as a server error), not a refusal. */
    private static boolean isDiscordDown(Throwable failure) {
        return failure instanceof ErrorResponseException error && (error.isServerError() || error.getResponse() != null
                && error.getResponse().code >= 500);
    }

    /**
     * A message that something reports back to later: keep where it is (before it is sent, so no
     * report can overtake it), so the report can replace it, whichever Plugboard it reaches.
     */
    private void remember(IReplyCallback event, Message message) {
        if (message.replyKey() != null) {
            hooks.remember(message.replyKey(), user(event.getUser().getIdLong()), event.getToken());
        }
    }

    /**
     * Sends the first answer to an interaction (its acknowledgement) and counts it done when Discord
     * has it, either way. While some are not done yet, slow work waits a little: see {@link SlowWork}.
     * Without {@code then}, it is the final answer too.
     */
    private <T> void acknowledge(RestAction<T> acknowledgement, @Nullable Consumer<? super T> then, String what,
            AnswerTiming timing) {
        acknowledge(acknowledgement, then, what, () -> { }, timing);
    }

    /** @param abandoned runs when the acknowledgement fails, so {@code then} never will */
    private <T> void acknowledge(RestAction<T> acknowledgement, @Nullable Consumer<? super T> then, String what, Runnable abandoned,
            AnswerTiming timing) {
        try {
            acknowledgement.queue(result -> {
                unacknowledged.ended();
                timing.acknowledged(what, true);
                if (then != null) {
                    then.accept(result);
                } else {
                    timing.answered(true);
                }
            }, failure -> {
                unacknowledged.ended();
                timing.acknowledged(what, false);
                timing.answered(false);
                abandoned.run();
                failure(what).accept(failure);
            });
        } catch (RuntimeException e) {
            unacknowledged.ended();
            abandoned.run();
            throw e;
        }
    }

    private static UserId user(long id) {
        return new UserId(id);
    }

    private static Consumer<Throwable> failure(String what) {
        return failure -> log.warn("Discord refused the {} of an interaction: {}", what, failure.toString());
    }
}
