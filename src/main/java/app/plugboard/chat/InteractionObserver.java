package app.plugboard.chat;

/**
 * Told how each interaction ended, once, by the {@link ChatRouter} (whichever transport it came
 * from): the port metrics implement, so the conversation knows no meter.
 */
public interface InteractionObserver {

    InteractionObserver NONE = (kind, name, outcome) -> { };

    /**
     * @param kind    what the person did: {@code command}, {@code autocomplete}, {@code button}, {@code select} or
     *                {@code form}
     * @param name    which one, from a fixed set: the command ({@code /integration add}), or the component's route
     *                ({@code int:submit}); {@code unknown} for anything the router does not know. Never a value the
     *                person typed.
     */
    void ended(String kind, String name, InteractionOutcome outcome);
}
