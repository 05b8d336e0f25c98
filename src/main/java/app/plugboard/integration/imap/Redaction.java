package app.plugboard.integration.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Removes one login's password from text before it is logged, in the forms it can take on the
 * wire: as typed, in base64 (AUTH LOGIN), inside the base64 of an AUTH PLAIN token, and, for an OAuth access
 * token, inside the base64 of an XOAUTH2 string.
 */
final class Redaction {

    private static final String MASK = "***";

    private final List<String> forms = new ArrayList<>();

    Redaction(String username, String password) {
        if (password.isEmpty()) {
            return;
        }
        forms.add(password);
        forms.add(base64(password));
        forms.add(base64("\0" + username + "\0" + password));
        forms.add(base64(username + "\0" + username + "\0" + password));
        forms.add(base64("user=" + username + "\u0001auth=Bearer " + password + "\u0001\u0001"));
        forms.sort((a, b) -> b.length() - a.length()); // the longest first, so a shorter form never splits a longer one
    }

    String apply(String text) {
        String result = text;
        for (String form : forms) {
            result = result.replace(form, MASK);
        }
        return result;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
