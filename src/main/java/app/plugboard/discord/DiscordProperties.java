package app.plugboard.discord;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token the bot token; without one, Plugboard talks in the terminal instead
 * @param guildId register the commands in this one server only (they update at once), else globally
 * @param eventThreads threads that take interactions off JDA's gateway thread
 * @param answerWithin slow work that is done this soon is the answer itself; later, it is deferred first
 * @param restUrl Discord's REST base URL; only tests change it (a fake Discord on loopback)
 * @param gatewayUrl Discord's gateway URL; only tests change it (then without compression)
 */
@ConfigurationProperties("plugboard.discord")
record DiscordProperties(@Nullable String token, @Nullable Long guildId, int eventThreads, Duration answerWithin,
        @Nullable String restUrl, @Nullable String gatewayUrl) {

    @Override
    public String toString() {
        return "DiscordProperties[token=***, guildId=" + guildId + ", restUrl=" + restUrl + ", gatewayUrl=" + gatewayUrl + "]";
    }
}
