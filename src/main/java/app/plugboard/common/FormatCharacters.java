package app.plugboard.common;

/**
 * Unicode format characters (general category Cf): bidi controls such as U+202E RIGHT-TO-LEFT
 * OVERRIDE, which reverses how the rest of a line reads, zero-width spaces, invisible tags. They
 * show nothing themselves, yet change what text appears to say, so text a person or a stranger
 * chose is refused with them (labels, names) or shown without them (pages).
 *
 * <p>The zero-width joiner and non-joiner (U+200D, U+200C) are kept: emoji sequences such as a
 * family are made with the joiner, and Persian and Indic writing need both; neither reorders text.
 */
public final class FormatCharacters {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private FormatCharacters() {
    }

    /** Whether {@code text} holds a format character that is not a joiner. */
    public static boolean present(String text) {
        return text.codePoints().anyMatch(FormatCharacters::unwanted);
    }

    /** {@code text} without its format characters (joiners kept). */
    public static String strip(String text) {
        if (!present(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !unwanted(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** A format character other than the joiners. */
    public static boolean unwanted(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                && codePoint != ZERO_WIDTH_JOINER && codePoint != ZERO_WIDTH_NON_JOINER;
    }
}
