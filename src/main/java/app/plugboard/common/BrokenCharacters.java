package app.plugboard.common;

/**
 * Half a character: a UTF-16 surrogate without its other half (an emoji or a rare symbol cut in two). No such
 * character exists, and UTF-8, which PostgreSQL and the encryption of secrets write, cannot hold it: it would be
 * stored as "?", so what was checked or answered would not be what is stored. Text a person gives is refused with one.
 */
public final class BrokenCharacters {

    /** The sentence a refusal ends with, after the field's name. */
    public static final String REFUSAL = " contains a broken character (half of an emoji or symbol): type it again.";

    private BrokenCharacters() {
    }

    /** Whether {@code text} holds a surrogate without its other half. */
    public static boolean present(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
