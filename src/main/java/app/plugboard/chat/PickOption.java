package app.plugboard.chat;

import app.plugboard.common.NotFoundException;
import app.plugboard.common.UserFacingException;
import app.plugboard.common.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A command option that names one of the person's own things (an integration, a workflow).
 * Autocomplete offers only their own, those whose name starts with what is typed first, showing the
 * name and sending the id; a typed name works too (the terminal types names). A feature says what its
 * things are called and how they are shown; the matching is the same for all.
 *
 * @param <T> what is picked, as the domain shows it
 */
public abstract class PickOption<T> {

    private final String option;
    private final QuickRead quickRead;

    protected PickOption(String option, QuickRead quickRead) {
        this.option = option;
        this.quickRead = quickRead;
    }

    /** The person's own things, in the order the domain lists them. */
    protected abstract List<T> own(UserId user);

    protected abstract String id(T thing);

    /** What the person calls it: a label, a name. */
    protected abstract String name(T thing);

    /** Shown after the name in a suggestion: its type, its state. */
    protected abstract String detail(T thing);

    /** For "I can't find that …" when an id names nothing of the person's (deleted since, or someone else's). */
    protected abstract String noun();

    /** Whether the value is an id (as autocomplete sends it) rather than a name. */
    protected abstract boolean isId(String value);

    /** The answer when nothing was typed. */
    protected abstract String nothingChosen();

    /** The answer when no thing of the person's has the name typed. */
    protected abstract String noneNamed(String typed);

    /** Whether a thing matches what is typed (lower case); by default its name contains it. */
    protected boolean matches(T thing, String typed) {
        return name(thing).toLowerCase(Locale.ROOT).contains(typed);
    }

    /** The option's name, as the command declares it. */
    public final String option() {
        return option;
    }

    public final List<Suggestion> suggest(ChatEvent.Autocomplete event) {
        String typed = event.typed().trim().toLowerCase(Locale.ROOT);
        return matching(quickRead.within(() -> own(event.user())).orElse(List.of()), typed).stream()
                .limit(Limits.SUGGESTIONS)
                .map(thing -> new Suggestion(Limits.fit(name(thing) + " · " + detail(thing), Limits.SUGGESTION_TEXT), id(thing)))
                .toList();
    }

    /** The things that match what is typed (lower case), those whose name starts with it first. */
    public final List<T> matching(List<T> things, String typed) {
        return things.stream()
                .filter(thing -> typed.isEmpty() || matches(thing, typed))
                .sorted(Comparator.comparing((T thing) -> !name(thing).toLowerCase(Locale.ROOT).startsWith(typed)))
                .toList();
    }

    /** The person's thing that the command's option names: by id, as autocomplete sent it, or by name. */
    public final T resolve(ChatEvent.Command event) {
        return resolve(event.user(), event.option(option));
    }

    public final T resolve(UserId user, String value) {
        String typed = value.trim();
        if (typed.isEmpty()) {
            throw new NotChosen(nothingChosen());
        }
        List<T> own = own(user);
        return own.stream().filter(thing -> id(thing).equalsIgnoreCase(typed)).findFirst()
                .or(() -> own.stream().filter(thing -> name(thing).equalsIgnoreCase(typed)).findFirst())
                .orElseThrow(() -> isId(typed) ? new NotFoundException(noun()) : new NotChosen(noneNamed(typed)));
    }

    static final class NotChosen extends UserFacingException {
        NotChosen(String message) {
            super(message);
        }
    }
}
