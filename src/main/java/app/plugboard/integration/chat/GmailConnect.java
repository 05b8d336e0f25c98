package app.plugboard.integration.chat;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import org.jspecify.annotations.Nullable;

/**
 * Gmail has no form: the person signs in at Google. This answers {@code add type:gmail} and
 * "Re-authenticate" with a message holding the sign-in link.
 */
public interface GmailConnect {

    /**
     * @param reauthenticate the integration to sign in again, or null for a new one under {@code label}
     */
    Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate);
}
