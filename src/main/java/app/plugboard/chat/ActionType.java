package app.plugboard.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of {@link Action}: the {@code feature:name} its component ids start with, and how the rest of
 * an id becomes the record again. An id that does not read back (an argument missing, one too many, one
 * of the wrong shape) is not this action: whoever used it is told it has expired.
 *
 * @param <A> the action record
 */
public final class ActionType<A extends Action> {

    private final String feature;
    private final String name;
    private final Function<Arguments, A> decoder;

    private ActionType(String feature, String name, Function<Arguments, A> decoder) {
        ComponentId.of(feature, name); // the words must make a valid id
        this.feature = feature;
        this.name = name;
        this.decoder = decoder;
    }

    /** @param decoder reads the arguments in the order the record's {@link Action#componentId()} writes them */
    public static <A extends Action> ActionType<A> of(String feature, String name, Function<Arguments, A> decoder) {
        return new ActionType<>(feature, name, decoder);
    }

    /** {@code feature:name}: what the router dispatches on. */
    public String route() {
        return feature + ":" + name;
    }

    /** The component id of an action of this type with these arguments (ids only: see {@link ComponentId}). */
    public ComponentId id(Object... arguments) {
        return ComponentId.of(feature, name, arguments);
    }

    /** The action the id stands for; empty when it is another route's or does not read back. */
    public Optional<A> decode(ComponentId id) {
        if (!id.route().equals(route())) {
            return Optional.empty();
        }
        try {
            Arguments arguments = new Arguments(id.args());
            A action = decoder.apply(arguments);
            return arguments.allRead() ? Optional.of(action) : Optional.empty();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return route();
    }

    /** The arguments of one id, read in order; a missing or malformed one throws {@link IllegalArgumentException}. */
    public static final class Arguments {

        private final List<String> values;
        private int next;

        Arguments(List<String> values) {
            this.values = values;
        }

        public String text() {
            if (next >= values.size()) {
                throw new IllegalArgumentException("argument " + next + " is missing");
            }
            return values.get(next++);
        }

        public long number() {
            return Long.parseLong(text());
        }

        public int smallNumber() {
            return Integer.parseInt(text());
        }

        /** @param parse such as {@code IntegrationId::parse}; throws {@link IllegalArgumentException} on what it cannot read */
        public <T> T as(Function<String, T> parse) {
            return parse.apply(text());
        }

        public <E extends Enum<E>> E as(Class<E> type) {
            return Enum.valueOf(type, text());
        }

        boolean allRead() {
            return next == values.size();
        }
    }
}
