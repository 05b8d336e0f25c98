package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import app.plugboard.testsupport.JsonLogs;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith({OutputCaptureExtension.class, JsonLogs.class})
@DisplayName("One Plugboard running two shards, with the log in JSON (PLUGBOARD_LOG_FORMAT=json)")
class ShardedDiscordInJsonTest extends ShardedDiscordTest {

    @Test
    @DisplayName("lines logged on the thread that logged in the shards, and while a shard answers, are JSON, none lost")
    void everyLineIsLogged(CapturedOutput output) {
        // WHEN the thread that started the application (and its shards) logs, and a shard answers a command
        LoggerFactory.getLogger(ShardedDiscordInJsonTest.class).info("after the shards logged in");
        discord.slash(alice, discord.guilds().get(1), "integration", "help", Map.of()).awaitCallback();

        // THEN the line is there, as JSON, and the log lost nothing on the way (JDA's shard MDC would break it)
        assertThat(output.getOut()).contains("\"message\":\"after the shards logged in\"")
                .doesNotContain("failed to append", "Duplicate nested pairs");
    }
}
