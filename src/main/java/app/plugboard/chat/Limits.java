package app.plugboard.chat;

/** Discord's limits, which every transport respects because the model enforces them. */
public final class Limits {

    public static final int CONTENT = 2000;
    public static final int CARD_TITLE = 256;
    public static final int CARD_DESCRIPTION = 4096;
    public static final int CARD_ENTRIES = 25;
    public static final int ENTRY_NAME = 256;
    public static final int ENTRY_VALUE = 1024;
    public static final int CARD_FOOTER = 2048;
    public static final int CARD_TOTAL = 6000;
    public static final int ROWS = 5;
    public static final int BUTTONS_PER_ROW = 5;
    public static final int BUTTON_LABEL = 80;
    public static final int SELECT_OPTIONS = 25;
    public static final int SELECT_PLACEHOLDER = 150;
    public static final int OPTION_TEXT = 100;
    public static final int COMPONENT_ID = 100;
    public static final int FORM_TITLE = 45;
    public static final int FORM_INPUTS = 5;
    public static final int FORM_INPUT_LABEL = 45;
    public static final int FORM_PLACEHOLDER = 100;
    public static final int FORM_VALUE = 4000;
    public static final int SUGGESTIONS = 25;
    public static final int SUGGESTION_TEXT = 100;
    public static final int COMMAND_DESCRIPTION = 100;

    private Limits() {
    }

    /** Shortens {@code text} to {@code max} characters, marking the cut with an ellipsis. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    static String check(String text, int max, String what) {
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " has " + text.length() + " characters; Discord allows " + max);
        }
        return text;
    }
}
