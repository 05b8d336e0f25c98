package app.plugboard.chat;

import app.plugboard.common.FormatCharacters;

/**
 * Text a stranger controls (a calendar's name, an event's title or place), made safe to show (security notes,
 * rule 26). {@link #stripped} removes what is invisible or reorders what is shown: control characters and
 * Unicode format characters ({@link FormatCharacters}: the bidi overrides such as U+202E, zero-width spaces, the
 * byte-order mark; the joiners stay). {@link #escaped} also makes the text show as written in a message, which Discord reads as markdown:
 * markup characters get a backslash (bold, italics, underline, strike-through, code, spoilers; the brackets of
 * a masked link {@code [x](url)}; the {@code <} of a mention {@code <@id>}, a channel or a timestamp), so do
 * headings, quotes and lists at the start of a line, and {@code @everyone} and {@code @here} get a zero-width
 * space after the {@code @}. The terminal shows the same escaped text, which reads fine as plain text.
 *
 * <p>Use {@link #escaped} for message text, cards and their fields; {@link #stripped} for labels of buttons and
 * choices, which Discord shows as they are.
 */
public final class PlainText {

    private static final char ZERO_WIDTH_SPACE = '\u200B';
    /** Markup wherever it stands: emphasis, strike-through, code, spoilers, masked links, mentions, escapes. */
    private static final String MARKUP = "\\*_~`|[]<";
    /** Markup at the start of a line only: headings, subtext ({@code -#}), quotes, lists. */
    private static final String LINE_START = "#>-+";

    private PlainText() {
    }

    /** Without control and format characters; tabs and line breaks of any kind become a space or a newline. */
    public static String stripped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            i += Character.charCount(point);
            if (point == '\n' || point == '\u2028' || point == '\u2029') {
                out.append('\n');
            } else if (point == '\r') {
                if (i >= text.length() || text.charAt(i) != '\n') {
                    out.append('\n');
                }
            } else if (Character.getType(point) == Character.CONTROL) {
                out.append(' ');
            } else if (FormatCharacters.unwanted(point)) {
                continue;
            } else {
                out.appendCodePoint(point);
            }
        }
        return out.toString();
    }

    /** {@link #stripped}, and shown as written wherever markdown is read. */
    public static String escaped(String text) {
        String plain = stripped(text);
        StringBuilder out = new StringBuilder(plain.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (lineStart && c == ' ') {
                out.append(c);
                continue;
            }
            int marker = lineStart ? orderedListMarker(plain, i) : -1;
            if (marker > 0) {
                // "1. " stays a number: a digit cannot be escaped, the dot after it can
                out.append(plain, i, marker).append('\\').append(plain.charAt(marker));
                i = marker;
                lineStart = false;
                continue;
            }
            if (lineStart && LINE_START.indexOf(c) >= 0 || MARKUP.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (c == '@' && (plain.startsWith("everyone", i + 1) || plain.startsWith("here", i + 1))) {
                out.append(ZERO_WIDTH_SPACE);
            }
            lineStart = c == '\n';
        }
        return out.toString();
    }

    /** Where the dot of "12. " (or the parenthesis of "3) ") is when a numbered list item starts here; else -1. */
    private static int orderedListMarker(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i > start && i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ')') ? i : -1;
    }

}
