package app.plugboard.discord;

import app.plugboard.common.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import org.springframework.stereotype.Component;

/**
 * The names of the people who used the bot lately, as their interactions carried them: enough to
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

    synchronized void seen(User user) {
        String username = "@" + user.getName();
        String global = user.getGlobalName();
        names.put(new UserId(user.getIdLong()), global == null || global.isBlank() || global.equals(user.getName())
                ? username : global + " (" + username + ")");
    }

    synchronized Optional<String> describe(UserId user) {
        return Optional.ofNullable(names.get(user)).map(name -> "Discord user " + name);
    }
}
