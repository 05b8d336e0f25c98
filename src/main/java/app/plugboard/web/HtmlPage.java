package app.plugboard.web;

import app.plugboard.common.FormatCharacters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The OAuth pages: plain server-rendered HTML, everything escaped and stripped of invisible
 * formatting characters (labels, names and addresses are chosen by others), one inline style block and
 * nothing loaded from anywhere (the Content-Security-Policy allows that one block by its hash).
 */
final class HtmlPage {

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f4f5f7;"
            + "color:#1f2328;margin:0;padding:2rem 1rem}main{max-width:34rem;margin:0 auto;background:#fff;"
            + "border-radius:12px;padding:1.5rem 2rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.4rem}"
            + "p{line-height:1.5}.note{color:#57606a;font-size:.95rem}button{font-size:1rem;padding:.6rem 1.2rem;"
            + "border:0;border-radius:6px;background:#5865f2;color:#fff;cursor:pointer}.ok{color:#1a7f37}"
            + ".no{color:#cf222e}";
    static final String STYLE_HASH = "'sha256-" + sha256(STYLE) + "'";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    private HtmlPage(String title) {
        this.title = title;
    }

    static HtmlPage titled(String title) {
        return new HtmlPage(title);
    }

    HtmlPage heading(String text, String cssClass) {
        body.append("<h1 class=\"").append(cssClass).append("\">").append(escape(text)).append("</h1>\n");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph with one part in bold. */
    HtmlPage paragraph(String before, String bold, String after) {
        body.append("<p>").append(escape(before)).append("<strong>").append(escape(bold)).append("</strong>")
                .append(escape(after)).append("</p>\n");
        return this;
    }

    HtmlPage note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A form that posts to {@code action} with one hidden field (the CSRF token). */
    HtmlPage postButton(String action, String hiddenName, String hiddenValue, String label) {
        body.append("<form method=\"post\" action=\"").append(escape(action)).append("\">")
                .append("<input type=\"hidden\" name=\"").append(escape(hiddenName)).append("\" value=\"")
                .append(escape(hiddenValue)).append("\">")
                .append("<button type=\"submit\">").append(escape(label)).append("</button></form>\n");
        return this;
    }

    String render() {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + " · Plugboard</title>"
                + "<style>" + STYLE + "</style></head>\n<body><main>\n" + body + "</main></body></html>\n";
    }

    /** HTML-escaped, and without invisible formatting characters (a right-to-left override would reorder the line). */
    static String escape(String text) {
        String visible = FormatCharacters.strip(text);
        StringBuilder escaped = new StringBuilder(visible.length() + 16);
        for (char c : visible.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
