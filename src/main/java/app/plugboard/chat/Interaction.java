package app.plugboard.chat;

import app.plugboard.common.RandomTokens;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One interaction on its way through the {@link ChatRouter}: its reference (in every log line about it,
 * and in the answer when something unexpected fails), what it is, and how it ended, told once to the
 * {@link InteractionObserver} (a slow part ends it later, on another thread).
 */
final class Interaction {

    static final String UNKNOWN = "unknown";

    private final String ref = RandomTokens.readable(8);
    private final String kind;
    private final InteractionObserver observer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String name = UNKNOWN;

    Interaction(ChatEvent event, InteractionObserver observer) {
        this.kind = kindOf(event);
        this.observer = observer;
    }

    String ref() {
        return ref;
    }

    /** Which command or route it turned out to be: a name from code, never from what was typed. */
    void named(String name) {
        this.name = name;
    }

    /** The first call counts; later ones (a finally after an earlier end) do nothing. */
    void end(InteractionOutcome outcome) {
        if (ended.compareAndSet(false, true)) {
            observer.ended(kind, name, outcome);
        }
    }

    /** An answer that offers "Try again" is a refusal: that button is the way back into a refused form. */
    void end(Message answer) {
        boolean refused = answer.rows().stream().flatMap(row -> row.controls().stream())
                .anyMatch(control -> control instanceof Control.Button button && Control.Button.TRY_AGAIN.equals(button.label()));
        end(refused ? InteractionOutcome.REFUSED : InteractionOutcome.ANSWERED);
    }

    private static String kindOf(ChatEvent event) {
        if (event instanceof ChatEvent.Command) {
            return "command";
        }
        if (event instanceof ChatEvent.Autocomplete) {
            return "autocomplete";
        }
        if (event instanceof ChatEvent.Click) {
            return "button";
        }
        return event instanceof ChatEvent.Choose ? "select" : "form";
    }
}
