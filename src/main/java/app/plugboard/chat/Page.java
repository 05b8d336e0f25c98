package app.plugboard.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * One page of a list shown in the chat ({@value #SIZE} to a page: a select holds no more), with its
 * Previous / Next buttons. A page number out of range shows the nearest page.
 *
 * @param items  what this page shows
 * @param number this page, from 0
 * @param count  how many pages there are (at least 1)
 * @param total  how many items there are in all
 */
public record Page<T>(List<T> items, int number, int count, int total) {

    public static final int SIZE = Limits.SELECT_OPTIONS;

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> all, int requested) {
        int count = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int number = Math.max(0, Math.min(requested, count - 1));
        return new Page<>(all.subList(number * SIZE, Math.min(all.size(), (number + 1) * SIZE)), number, count, all.size());
    }

    /** "Your integrations (30) · page 2 of 2"; no page part when everything fits on one. */
    public String title(String what) {
        return what + " (" + total + ")" + (count > 1 ? " · page " + (number + 1) + " of " + count : "");
    }

    /** Previous and Next, each disabled at its end; none when everything fits on one page. */
    public Optional<ControlRow> navigation(IntFunction<Action> showPage) {
        if (count <= 1) {
            return Optional.empty();
        }
        return Optional.of(ControlRow.of(
                new Control.Button(showPage.apply(number - 1).componentId(), "◀ Previous", Control.Style.SECONDARY, number == 0),
                new Control.Button(showPage.apply(number + 1).componentId(), "Next ▶", Control.Style.SECONDARY,
                        number == count - 1)));
    }
}
