package app.plugboard.chat;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one kind of component is answered: the {@link ActionType} its ids decode into, and a handler typed
 * by the one event it takes (a click, a choice, a submitted form). The router decodes the id and checks
 * the kind of event first: anything else, or an id that does not decode, "has expired". Whatever the
 * action names must still be checked against the event's user (they may have kept someone else's id).
 */
public sealed interface ComponentRoute {

    ActionType<?> type();

    static <A extends Action> ComponentRoute onClick(ActionType<A> type, ClickHandler<A> handler) {
        return new OnClick<>(type, handler);
    }

    /**
     * A select of one choice. {@code chosen} reads the option's value (such as {@code IntegrationId::parse}); the
     * router answers "expired" to any other number of values, or to a value that does not read.
     */
    static <A extends Action, V> ComponentRoute onChoice(ActionType<A> type, Function<String, V> chosen,
            ChoiceHandler<A, V> handler) {
        return new OnChoice<>(type, chosen, handler);
    }

    /**
     * A form. When the form cannot be taken now (the person has too many checks running), the refusal
     * offers "Try again" with {@code reopen}'s action, so nothing typed is lost.
     */
    static <A extends Action> ComponentRoute onSubmit(ActionType<A> type, Function<A, Action> reopen, SubmitHandler<A> handler) {
        return new OnSubmit<>(type, handler, reopen);
    }

    /** A form with no way back to it (what was typed is not kept). */
    static <A extends Action> ComponentRoute onSubmit(ActionType<A> type, SubmitHandler<A> handler) {
        return new OnSubmit<>(type, handler, null);
    }

    @FunctionalInterface
    interface ClickHandler<A> {
        Response answer(ChatEvent.Click click, A action);
    }

    @FunctionalInterface
    interface ChoiceHandler<A, V> {
        /** @param chosen the one option picked, read */
        Response answer(ChatEvent.Choose choice, A action, V chosen);
    }

    @FunctionalInterface
    interface SubmitHandler<A> {
        Response answer(ChatEvent.FormSubmit submit, A action);
    }

    record OnClick<A extends Action>(ActionType<A> type, ClickHandler<A> handler) implements ComponentRoute {
    }

    record OnChoice<A extends Action, V>(ActionType<A> type, Function<String, V> chosen, ChoiceHandler<A, V> handler)
            implements ComponentRoute {
    }

    record OnSubmit<A extends Action>(ActionType<A> type, SubmitHandler<A> handler, @Nullable Function<A, Action> reopen)
            implements ComponentRoute {
    }
}
