package app.plugboard.chat;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How Plugboard answers an event. Anything that needs the network or the database is
 * {@link Later}: the transport acknowledges at once, then runs the work off its event thread and
 * shows the result. A {@link ShowForm} is always a first answer.
 */
public sealed interface Response {

    /** A new message, shown to the asker only. */
    record Reply(Message message) implements Response {
    }

    /** Replaces the message whose control was used (after a command or form: a new message). */
    record Update(Message message) implements Response {
    }

    record ShowForm(Form form) implements Response {
    }

    /**
     * Slow work. {@code progress} is shown while it runs (else Discord's "thinking"); work with a progress
     * text reaches out to the network (a check, a discovery), and each person has only a few of those
     * running. {@code inPlace} replaces the message whose control was used instead of answering with a new
     * one. A transport that will not run the work after all (its queue is full, the acknowledgement failed)
     * runs {@code abandon}, which gives back what was counted for it.
     */
    record Later(@Nullable Message progress, boolean inPlace, Supplier<Message> work, Runnable abandon) implements Response {

        public Later(@Nullable Message progress, boolean inPlace, Supplier<Message> work) {
            this(progress, inPlace, work, () -> { });
        }
    }

    record Suggestions(List<Suggestion> suggestions) implements Response {
        public Suggestions {
            suggestions = List.copyOf(suggestions.subList(0, Math.min(suggestions.size(), Limits.SUGGESTIONS)));
        }
    }

    static Reply reply(String text) {
        return new Reply(Message.text(text));
    }

    static Later later(Supplier<Message> work) {
        return new Later(null, false, work);
    }

    static Later later(String progress, Supplier<Message> work) {
        return new Later(Message.text(progress), false, work);
    }

    static Later inPlace(Supplier<Message> work) {
        return new Later(null, true, work);
    }

    /** Network work whose result replaces the message whose control was used; {@code progress} shows meanwhile. */
    static Later inPlace(String progress, Supplier<Message> work) {
        return new Later(Message.text(progress), true, work);
    }
}
