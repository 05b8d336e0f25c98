package app.plugboard.testsupport;

import app.plugboard.discord.fake.FakeDiscord;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the application's JDA at a fake Discord: the only three settings a test changes. */
public final class FakeDiscordConnection {

    private FakeDiscordConnection() {
    }

    public static void register(DynamicPropertyRegistry registry, FakeDiscord discord) {
        registry.add("plugboard.discord.token", discord::token);
        registry.add("plugboard.discord.rest-url", discord::restBaseUrl);
        registry.add("plugboard.discord.gateway-url", discord::gatewayUrl);
    }
}
