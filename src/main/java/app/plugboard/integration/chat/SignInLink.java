package app.plugboard.integration.chat;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import org.jspecify.annotations.Nullable;

/**
 * A type that has no form: the person signs in at its service (OAuth). {@code add} and "Re-authenticate"
 * answer with a message holding a link to Plugboard's sign-in pages ({@code integration.signin}).
 */
public non-sealed interface SignInLink extends WayIn {

    /**
     * @param reauthenticate the integration to sign in to again, or null for a new one under {@code label}
     */
    Message connect(UserId user, String label, @Nullable IntegrationId reauthenticate);
}
