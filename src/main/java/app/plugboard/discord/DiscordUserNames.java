package app.plugboard.discord;

import app.plugboard.common.FormatCharacters;
import app.plugboard.common.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import org.springframework.stereotype.Component;

/**
 * The usernames of the people who used the bot lately, as their interactions carried them: enough to
 * name the person a sign-in link was just made for. Bounded; the least recent are forgotten first.
 * With a Discord token, it is the application's {@link app.plugboard.chat.UserNames}.
 */
@Component
class DiscordUserNames {

    private static final int MAX = 5_000;

    private final Map<UserId, String> names = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UserId, String> eldest) {
            return size() > MAX;
        }
    };

    /**
     * Remembers the username only: it is unique and only its owner can change it, while anyone can
     * set their display name to "Alice (@alice)".
     */
    synchronized void seen(User user) {
        names.put(new UserId(user.getIdLong()), "@" + FormatCharacters.strip(user.getName()));
    }

    synchronized Optional<String> describe(UserId user) {
        return Optional.ofNullable(names.get(user)).map(name -> "Discord user " + name);
    }
}
