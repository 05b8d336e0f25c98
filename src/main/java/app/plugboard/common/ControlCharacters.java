package app.plugboard.common;

import java.util.regex.Pattern;

/**
 * Characters that break a line or control a terminal rather than show something: the C0 and C1 controls
 * (general category Cc: tab, line feed, escape, U+0085 NEXT LINE, U+009B…) and the Unicode line and paragraph
 * separators (U+2028, U+2029). Java's {@code \p{Cntrl}} finds only the ASCII ones. Text meant for one line (a
 * label, a name, a login) is refused with them.
 */
public final class ControlCharacters {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    private ControlCharacters() {
    }

    /** Whether {@code text} holds a control character or a line or paragraph separator. */
    public static boolean present(String text) {
        return CONTROL.matcher(text).find();
    }
}
