package app.plugboard.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Text a stranger controls, shown as plain text")
class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "bold, italics, underline, strike-through => **Free** _now_ __big__ ~~old~~ => \\*\\*Free\\*\\* \\_now\\_ \\_\\_big\\_\\_ \\~\\~old\\~\\~",
            "code and spoilers => `rm` ||secret|| => \\`rm\\` \\|\\|secret\\|\\|",
            "a masked link => [Click me](https://evil.example) => \\[Click me\\](https://evil.example)",
            "a user, a role, a channel mention => <@123> <@&456> <#789> => \\<@123> \\<@&456> \\<#789>",
            "everyone and here => @everyone @here => @\u200Beveryone @\u200Bhere",
            "a heading => # Big => \\# Big",
            "subtext => -# small => \\-# small",
            "a quote => > said => \\> said",
            "a list item => - item => \\- item",
            "a numbered list item => 1. item => 1\\. item",
            "markup at a line start after a newline => a\\n## b\\n  - c => a\\n\\## b\\n  \\- c",
            "a backslash => a\\b => a\\\\b",
            "ordinary text stays as it is => Team-Jour-fixe (verschoben) > 3 => Team-Jour-fixe (verschoben) > 3",
            "an e-mail address => alice@example.com => alice@example.com"})
    @DisplayName("escaped: markdown, masked links and mentions show as written")
    void escaped(String what, String text, String shown) {
        // (a backslash-n in the table is a line break)
        assertThat(PlainText.escaped(text.replace("\\n", "\n"))).isEqualTo(shown.replace("\\n", "\n"));
    }

    @Test
    @DisplayName("stripped: a right-to-left override and other invisible format characters are removed, joiners stay")
    void stripped() {
        // GIVEN a file name reversed by U+202E, zero-width characters, a byte-order mark, an isolate
        String hostile = "invoice\u202Efdp.exe \u200Bzero\u200Cwidth\uFEFF \u2066isolated\u2069 \u061Carabic mark";

        // THEN they are gone; controls become spaces, line breaks of any kind one newline
        assertThat(PlainText.stripped(hostile)).isEqualTo("invoicefdp.exe zero\u200Cwidth isolated arabic mark");
        assertThat(PlainText.stripped("a\tb\u0007c\r\nd\re\u2028f")).isEqualTo("a b c\nd\ne\nf");
        // the joiners stay (a family, a rainbow flag, Persian writing): they join, they cannot reorder text
        assertThat(PlainText.stripped("👨\u200D👩\u200D👧 🏳️\u200D🌈 \u0645\u06CC\u200C\u062E")).isEqualTo("👨\u200D👩\u200D👧 🏳️\u200D🌈 \u0645\u06CC\u200C\u062E");
        assertThat(PlainText.escaped("\u202E# x")).isEqualTo("\\# x");
    }
}
