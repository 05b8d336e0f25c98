package app.plugboard.integration.outlook;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationService;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.chat.SignInLink;
import app.plugboard.integration.oauthmail.OAuthMailSignIn;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * How Outlook is connected: no form, a sign-in at Microsoft. Answers {@code add type:outlook} and
 * "Re-authenticate" with a link to our confirmation page ({@link OAuthMailSignIn}); a delete's answer says
 * where the person removes Plugboard's access, which Microsoft offers no way to give back.
 */
@Component
@Order(OutlookSignIn.ORDER)
@ConditionalOnOutlookSignIn
class OutlookSignIn implements SignInLink {

    /** Listed after Gmail, before calendars. */
    static final int ORDER = 25;

    private final OAuthMailSignIn signIn;
    private final OutlookProvider microsoft;
    private final IntegrationService integrations;

    OutlookSignIn(OAuthMailSignIn signIn, OutlookProvider microsoft, IntegrationService integrations) {
        this.signIn = signIn;
        this.microsoft = microsoft;
        this.integrations = integrations;
    }

    @Override
    public IntegrationType type() {
        return OutlookType.TYPE;
    }

    @Override
    public Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        return signIn.connect(microsoft, user, label, reauthenticate);
    }

    @Override
    public Optional<String> deletionNote(UserId user, IntegrationId id) {
        return integrations.settings(user, id) instanceof OutlookSettings outlook
                ? Optional.of(OutlookProvider.whereToRemove(outlook)) : Optional.empty();
    }
}
