package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.plugboard.chat.ChatEvent;
import app.plugboard.chat.CommandGroup;
import app.plugboard.chat.CommandHandler;
import app.plugboard.chat.CommandSpec;
import app.plugboard.chat.Message;
import app.plugboard.chat.Notifier;
import app.plugboard.chat.Response;
import app.plugboard.common.UserId;
import app.plugboard.crypto.SecretCipher;
import app.plugboard.discord.fake.FakeDiscord;
import app.plugboard.discord.fake.FakeInteraction;
import app.plugboard.discord.fake.FakeMessage;
import app.plugboard.discord.fake.FakeUser;
import app.plugboard.testsupport.DiscordTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * A report (a sign-in's outcome) that reaches another Plugboard than the one whose interaction showed the message:
 * Plugboard B here is a second client of the same bot with nothing in common with this context's Plugboard A but
 * the database. It never connects to the gateway (it runs no shard), and it edits A's message all the same.
 */
@DiscordTest
@Import(ReplyAcrossPlugboardsTest.Waiting.class)
@DisplayName("A message one Plugboard showed, edited by another")
class ReplyAcrossPlugboardsTest {

    static final AtomicReference<String> LAST_KEY = new AtomicReference<>();

    /** {@code /wait now}: "Waiting…", a message something reports back to later, as a sign-in link is. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Waiting {
        @Bean
        CommandGroup waitGroup() {
            return new CommandGroup("wait", "Waits for a report (tests only)");
        }

        @Bean
        CommandHandler waitNow() {
            return new CommandHandler() {
                @Override
                public String command() {
                    return "wait";
                }

                @Override
                public CommandSpec.Subcommand spec() {
                    return CommandSpec.Subcommand.of("now", "Shows a message that a report replaces");
                }

                @Override
                public Response handle(ChatEvent.Command event) {
                    String key = "key-" + System.nanoTime();
                    LAST_KEY.set(key);
                    return new Response.Reply(Message.text("Waiting for your browser…").withReplyKey(key));
                }
            };
        }
    }

    @Autowired
    FakeDiscord discord;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    SecretCipher cipher;
    @Autowired
    Clock clock;
    @Autowired
    DiscordObserver observer;

    FakeUser alice;
    FakeUser bob;

    private ShardManager plugboardB;
    private Notifier notifierOfB;

    @BeforeEach
    void anotherPlugboard() {
        plugboardB = restOnly(discord);
        notifierOfB = new DiscordNotifier(plugboardB, new ReplyHooks(named, cipher, clock),
                new DirectMessageBudget(jdbc.getDataSource(), 15, Duration.ofSeconds(10)), observer);
    }

    @AfterEach
    void stopIt() {
        plugboardB.shutdown();
    }

    @Test
    @DisplayName("the outcome reaching Plugboard B replaces the message Plugboard A showed, once")
    void editedByAnother() {
        // GIVEN Plugboard A showed Alice a message that a report will replace
        FakeInteraction waiting = discord.slash(alice, "wait", "now", Map.of());
        FakeMessage shown = waiting.awaitMessage(m -> m.content().contains("Waiting for your browser"));
        String key = LAST_KEY.get();

        // WHEN the report reaches Plugboard B
        notifierOfB.notify(new UserId(alice.id()), Message.text("✅ Done."), key);

        // THEN B edited A's message in place, and sent no direct message
        FakeMessage replaced = waiting.awaitMessage(m -> m.content().equals("✅ Done."));
        assertThat(replaced.id()).isEqualTo(shown.id());
        assertThat(discord.directMessagesTo(alice)).isEmpty();
        // AND the key is used up: its row is gone
        assertThat(jdbc.queryForObject("select count(*) from discord_reply_hook", Integer.class)).isZero();
    }

    @Test
    @DisplayName("the interaction's token is stored encrypted, bound to its key and owner")
    void tokenEncrypted() {
        // WHEN Plugboard A shows the message
        FakeInteraction waiting = discord.slash(alice, "wait", "now", Map.of());
        waiting.awaitMessage(m -> m.content().contains("Waiting for your browser"));

        // THEN the database holds the token only encrypted, under Alice and the key
        Map<String, Object> row = jdbc.queryForMap("select reply_key, owner_id, interaction_token from discord_reply_hook");
        assertThat(row.get("reply_key")).isEqualTo(LAST_KEY.get());
        assertThat(row.get("owner_id")).isEqualTo(alice.id());
        assertThat((String) row.get("interaction_token")).startsWith("pb1.").doesNotContain(waiting.token());
        // AND moved to another key, it does not decrypt: the report comes as a direct message
        jdbc.update("update discord_reply_hook set reply_key = 'another'");
        notifierOfB.notify(new UserId(alice.id()), Message.text("✅ Done."), "another");
        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.directMessagesTo(alice).isEmpty());
        assertThat(waiting.originalEdits()).isEmpty();
    }

    @Test
    @DisplayName("a report for someone else's key, or a key already used, comes as a direct message and leaves the message alone")
    void foreignOrUsedKey() {
        // GIVEN Alice's message waits for a report
        FakeInteraction waiting = discord.slash(alice, "wait", "now", Map.of());
        waiting.awaitMessage(m -> m.content().contains("Waiting for your browser"));
        String key = LAST_KEY.get();

        // WHEN a report for Bob arrives under Alice's key
        notifierOfB.notify(new UserId(bob.id()), Message.text("For Bob."), key);

        // THEN Bob gets it directly, Alice's message is untouched, and the key is used up
        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.directMessagesTo(bob).isEmpty());
        assertThat(waiting.originalEdits()).isEmpty();
        notifierOfB.notify(new UserId(alice.id()), Message.text("✅ Done."), key);
        await().atMost(Duration.ofSeconds(10)).until(() -> !discord.directMessagesTo(alice).isEmpty());
        assertThat(discord.directMessagesTo(alice).get(0).content()).isEqualTo("✅ Done.");
        assertThat(waiting.originalEdits()).isEmpty();
    }

    @Test
    @DisplayName("without the database, showing the message still works, and its outcome comes as a direct message")
    void withoutTheDatabase() {
        // GIVEN a database that cannot be reached
        NamedParameterJdbcTemplate unreachable = new NamedParameterJdbcTemplate(new AbstractDataSource() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                throw new java.sql.SQLException("Connection refused");
            }

            @Override
            public java.sql.Connection getConnection(String username, String password) throws java.sql.SQLException {
                return getConnection();
            }
        });
        ReplyHooks hooks = new ReplyHooks(unreachable, cipher, clock);

        // WHEN a message is remembered, and later its key is asked for
        hooks.remember("key", new UserId(alice.id()), "token");

        // THEN nothing failed, and there is nothing to edit with: the outcome goes as a direct message
        assertThat(hooks.take("key", new UserId(alice.id()))).isEmpty();
    }

    /** A client of the bot that logs in over REST only: its session controller never starts a session. */
    static ShardManager restOnly(FakeDiscord discord) {
        SessionController noGateway = new SessionControllerAdapter() {
            @Override
            public void appendSession(SessionConnectNode node) {
            }

            @Override
            public ShardedGateway getShardedGateway(JDA api) {
                return new ShardedGateway(discord.gatewayUrl(), 1, 1);
            }
        };
        return DefaultShardManagerBuilder.createLight(discord.token())
                .setContextEnabled(false) // JDA would leave its shard MDC on this thread (see DiscordConfiguration)
                .setShardsTotal(1)
                .setSessionController(noGateway)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restBaseUrl()))
                .setEnableShutdownHook(false)
                .build();
    }
}
