package app.plugboard.integration.chat;

import app.plugboard.chat.Message;
import app.plugboard.common.UserId;
import app.plugboard.integration.IntegrationId;
import java.util.Optional;
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

    /**
     * A line the answer to deleting {@code id} ends with, such as where to remove Plugboard's access at the
     * service when Plugboard cannot give it back itself. Asked while the integration still exists.
     */
    default Optional<String> deletionNote(UserId user, IntegrationId id) {
        return Optional.empty();
    }
}
