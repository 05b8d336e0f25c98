package app.plugboard.integration.gmail;

import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.oauthmail.MailSignInTestBase;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shared Plugboard with mail sign-in ({@link MailSignInTestBase}), as the Gmail tests use it. */
abstract class GmailSignInTestBase extends MailSignInTestBase {

    /** The Unicode format characters (bidi overrides, zero-width spaces...) in {@code text}, as code points. */
    static List<String> formatCharacters(String text) {
        return text.codePoints().filter(c -> Character.getType(c) == Character.FORMAT)
                .mapToObj(c -> String.format("U+%04X", c)).toList();
    }

    /** The link the chat would show {@code user} for a new integration, or to sign in again. */
    String linkFor(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        return linkFor(GmailProvider.GOOGLE, user, label, reauthenticate);
    }

    /** Opens the link and confirms: the browser ends where Google sent it back and Plugboard redirected it. */
    Browser.Visit signIn(Browser browser, String link) {
        return browser.submit(browser.open(link));
    }
}
