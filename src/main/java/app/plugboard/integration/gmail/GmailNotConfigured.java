package app.plugboard.integration.gmail;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.chat.SignInLink;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Gmail when the operator has not set up Google sign-in: says so, and offers the IMAP route. */
@Component
@Order(GmailSignIn.ORDER)
@ConditionalOnExpression("'${plugboard.gmail.google.client-id:}'.isBlank()")
class GmailNotConfigured implements SignInLink {

    static final String MESSAGE = "Gmail sign-in is not set up on this Plugboard: whoever runs it has to configure "
            + "a Google OAuth client first (the README explains how). Meanwhile you can connect Gmail as IMAP mail "
            + "with an app password: `/integration add type:imap`.";

    @Override
    public IntegrationType type() {
        return GmailType.TYPE;
    }

    @Override
    public Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        return Message.text(MESSAGE);
    }
}
