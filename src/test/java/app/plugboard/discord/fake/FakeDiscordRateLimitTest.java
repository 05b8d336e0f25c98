package app.plugboard.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fake Discord's global rate limit, against a plain JDA client that knows no budget of its own. */
@DisplayName("FakeDiscord's global rate limit")
class FakeDiscordRateLimitTest {

    private FakeDiscord fake;
    private JDA jda;

    @AfterEach
    void stop() throws InterruptedException {
        if (jda != null) {
            jda.shutdown();
            if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
                jda.shutdownNow();
            }
        }
        fake.close();
    }

    @Test
    @DisplayName("past the requests a second Discord allows, it answers 429 (global) and records it; JDA waits and everything arrives")
    void overTheLimit() throws Exception {
        // GIVEN a bot allowed 10 requests a second
        fake = FakeDiscord.start();
        fake.globalRateLimit(10);
        jda = fake.configure(JDABuilder.createLight(fake.token())).build().awaitReady();
        List<FakeUser> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(fake.user("person" + i));
        }

        // WHEN it sends 12 direct messages at once (24 requests: each opens the channel, then sends)
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (FakeUser person : people) {
            sent.add(jda.openPrivateChannelById(person.id()).flatMap(channel -> channel.sendMessage("hello")).submit());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        // THEN Discord refused some with a global 429, recorded; JDA sent them again after the wait, so all arrived
        assertThat(fake.globalRateLimited()).isNotEmpty();
        for (FakeUser person : people) {
            assertThat(fake.directMessagesTo(person)).extracting(FakeMessage::content).containsExactly("hello");
        }
        // AND no second held more requests than allowed
        assertThat(fake.mostRequestsInOneSecond()).isLessThanOrEqualTo(10);
    }
}
