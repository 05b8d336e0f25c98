package app.plugboard.integration.outlook;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import app.plugboard.integration.IntegrationType;
import app.plugboard.integration.chat.SignInLink;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Outlook when the operator has not set up Microsoft sign-in: says so; nothing else changes. */
@Component
@Order(OutlookSignIn.ORDER)
@ConditionalOnExpression("'${plugboard.outlook.microsoft.client-id:}'.isBlank()")
class OutlookNotConfigured implements SignInLink {

    static final String MESSAGE = "Outlook sign-in is not set up on this Plugboard: whoever runs it has to register "
            + "Plugboard with Microsoft first (the README explains how). Microsoft accepts no password for Outlook.com, "
            + "Hotmail, Live or Microsoft 365 mail over IMAP, so there is no other way in until then.";

    @Override
    public IntegrationType type() {
        return OutlookType.TYPE;
    }

    @Override
    public Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate) {
        return Message.text(MESSAGE);
    }
}
