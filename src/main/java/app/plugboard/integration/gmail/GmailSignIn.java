package app.plugboard.integration.gmail;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.chat.SignInLink;
import app.plugboard.integration.oauthmail.OAuthMailSignIn;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How Gmail is connected: no form, a sign-in at Google. Answers {@code add type:gmail} and "Re-authenticate"
 * with a link to our confirmation page ({@link OAuthMailSignIn}).
 */
@Component
@Order(GmailSignIn.ORDER)
@ConditionalOnGmailSignIn
class GmailSignIn implements SignInLink {

    /** Gmail is listed second among the types, after IMAP mail. */
    static final int ORDER = 20;

    private final OAuthMailSignIn signIn;
    private final GmailProvider google;

    GmailSignIn(OAuthMailSignIn signIn, GmailProvider google) {
        this.signIn = signIn;
        this.google = google;
    }

    @Override
    public IntegrationType type() {
        return GmailType.TYPE;
    }

    @Override
    public Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        return signIn.connect(google, user, label, reauthenticate);
    }
}
