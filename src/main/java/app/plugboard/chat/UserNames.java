package app.plugboard.chat;

import app.plugboard.common.UserId;
import java.util.Optional;

/**
 * How the transport names a person, for places outside the chat that must say who is meant (the
 * Gmail sign-in page asks "Connect to Discord user @alice?").
 */
public interface UserNames {

    /**
     * Such as {@code Discord user @alice}: the name only its owner can change (a username, never a
     * display name that anyone may set to someone else's), without formatting characters; empty when
     * the transport has not seen this person.
     */
    Optional<String> describe(UserId user);
}
